import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';
import type { LegalStatus } from './rules/incident';

/** A child in a serious incident notification; identity may be unknown at first (WT 374). */
@Entity('si_child')
export class IncidentChild extends BaseRecord {
  @Column('uuid', { name: 'incident_id' })
  incidentId!: string;

  /** Order in the notification, from 1; the national form's child number. */
  @Column('integer')
  position!: number;

  @Column('boolean', { name: 'identity_known' })
  identityKnown!: boolean;

  @Column('text', { name: 'given_name', nullable: true })
  givenName!: string | null;

  @Column('text', { name: 'family_name', nullable: true })
  familyName!: string | null;

  @Column('date', { name: 'date_of_birth', nullable: true })
  dateOfBirth!: string | null;

  @Column('integer', { name: 'age_years', nullable: true })
  ageYears!: number | null;

  @Column('text', { nullable: true })
  sex!: string | null;

  @Column('text', { nullable: true })
  ethnicity!: string | null;

  @Column('text', { nullable: true })
  disability!: string | null;

  @Column('text', { name: 'legal_status' })
  legalStatus!: LegalStatus;

  @Column('uuid', { name: 'normally_resident_local_authority_id', nullable: true })
  normallyResidentLocalAuthorityId!: string | null;

  @Column('boolean', { name: 'known_to_services', nullable: true })
  knownToServices!: boolean | null;

  @Column('text', { name: 'nature_of_harm', nullable: true })
  natureOfHarm!: string | null;
}
