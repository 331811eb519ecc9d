import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';

export const ORGANISATION_TYPES = [
  'cdop',
  'local-authority',
  'safeguarding-partnership',
  'icb',
  'police',
  'agency',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

@Entity('organisation')
export class Organisation extends BaseRecord {
  @Column('text')
  name!: string;

  @Column('text')
  type!: OrganisationType;

  @Column('text', { nullable: true })
  code!: string | null;

  /** For a CDOP or a safeguarding partnership: the local authorities in its footprint. */
  @Column('uuid', { name: 'covers_local_authority_ids', array: true, default: () => "'{}'" })
  coversLocalAuthorityIds!: string[];

  /** For a safeguarding partnership: its three statutory partners (local authority, ICB, police). */
  @Column('uuid', { name: 'partner_organisation_ids', array: true, default: () => "'{}'" })
  partnerOrganisationIds!: string[];
}
