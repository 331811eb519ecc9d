import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IsoDate } from '../calendar/iso-date';

export type ClockChange =
  | 'started'
  | 'basis-corrected'
  | 'bank-holiday-added'
  | 'bank-holiday-moved'
  | 'paused'
  | 'resumed'
  | 'met'
  | 'met-late'
  | 'not-applicable';

/** What happened to a clock and how its due date moved: the answer to "why is it due then?". */
@Entity('clock_history')
export class ClockHistory {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'clock_id' })
  clockId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  change!: ClockChange;

  @Column('date', { name: 'due_date_before', nullable: true })
  dueDateBefore!: IsoDate | null;

  @Column('date', { name: 'due_date_after', nullable: true })
  dueDateAfter!: IsoDate | null;

  @Column('timestamptz', { name: 'due_at_before', nullable: true })
  dueAtBefore!: Date | null;

  @Column('timestamptz', { name: 'due_at_after', nullable: true })
  dueAtAfter!: Date | null;

  @Column('jsonb', { default: () => "'{}'" })
  details!: Record<string, unknown>;
}
