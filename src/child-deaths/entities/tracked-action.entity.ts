import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { BaseRecord } from '../../common/base.entity';

export const ACTION_STATUSES = ['open', 'in-progress', 'completed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A recommendation from the finalised analysis form, tracked until the owner has acted on it. */
@Entity('cdr_action')
export class TrackedAction extends BaseRecord {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  owner!: string;

  @Column('text')
  description!: string;

  @Column('date', { name: 'due_date' })
  dueDate!: IsoDate;

  @Column('text')
  status!: ActionStatus;

  @Column('date', { name: 'completed_on', nullable: true })
  completedOn!: IsoDate | null;

  @Column('text', { name: 'status_note', nullable: true })
  statusNote!: string | null;
}
