import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { BaseRecord } from '../../common/base.entity';

/** One contact between the key worker and the bereaved family (WT 432). */
@Entity('cdr_family_contact')
export class FamilyContact extends BaseRecord {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('date', { name: 'contacted_on' })
  contactedOn!: IsoDate;

  @Column('text')
  method!: string;

  @Column('text', { name: 'contact_by' })
  contactBy!: string;

  /** Whether the "When a child dies" guide was offered at this contact. */
  @Column('boolean', { name: 'guide_offered' })
  guideOffered!: boolean;

  @Column('text', { name: 'questions_for_cdrm', array: true, default: () => "'{}'" })
  questionsForCdrm!: string[];

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('uuid', { name: 'recorded_by_user_id', nullable: true })
  recordedByUserId!: string | null;
}
