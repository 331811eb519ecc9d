import { Column, Entity } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { BaseRecord } from '../../common/base.entity';

/** A CDOP panel meeting, where cases are reviewed and their analysis agreed (WT 454). */
@Entity('cdr_panel_meeting')
export class PanelMeeting extends BaseRecord {
  @Column('uuid', { name: 'cdop_id' })
  cdopId!: string;

  @Column('date', { name: 'meeting_on' })
  meetingOn!: IsoDate;

  @Column('text', { nullable: true })
  location!: string | null;
}

export const PANEL_OUTCOMES = ['analysis-agreed', 'deferred', 'more-information-needed'] as const;
export type PanelOutcome = (typeof PANEL_OUTCOMES)[number];

@Entity('cdr_panel_agenda_item')
export class PanelAgendaItem extends BaseRecord {
  @Column('uuid', { name: 'panel_meeting_id' })
  panelMeetingId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { nullable: true })
  outcome!: PanelOutcome | null;

  @Column('text', { name: 'outcome_notes', nullable: true })
  outcomeNotes!: string | null;

  @Column('timestamptz', { name: 'outcome_recorded_at', nullable: true })
  outcomeRecordedAt!: Date | null;
}
