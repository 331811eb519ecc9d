import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../calendar/iso-date';
import { BaseRecord } from '../common/base.entity';
import type { ReminderKind } from './reminder-schedule';

/** One reminder to one person about one clock, for one day: the in-app inbox entry. */
@Entity('reminder')
export class Reminder extends BaseRecord {
  @Column('uuid', { name: 'clock_id' })
  clockId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  kind!: ReminderKind;

  @Column('date', { name: 'for_date' })
  forDate!: IsoDate;

  /** The due date the reminder announced (a later pause or correction may move the clock's own). */
  @Column('date', { name: 'due_date' })
  dueDate!: IsoDate;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}
