import type { IsoDate } from '../../calendar/iso-date';

/**
 * What `case/layout.njk` shows for a case. A capability's case page builds one of these, renders a view
 * that extends the layout, and fills `{% block caseSections %}` with its own sections.
 */
export interface CasePage {
  /** What the case is: 'Child death', 'Serious incident'. */
  kind: string;
  reference: string;
  /** A second line under the reference, such as the child's name. */
  title?: string;
  status?: { text: string; classes?: string };
  summary: { key: string; value: string; href?: string }[];
  /** Links on the summary card, such as "Record a notification". */
  actions?: { text: string; href: string }[];
  /** The capability's own sections, for the contents list: each needs an element with this id. */
  sections?: { id: string; title: string }[];
  clocks: CaseClock[];
  timeline: TimelineEvent[];
  documents: CaseDocument[];
  /** Present only for roles allowed to see it (see CasePages.accessHistory). */
  accessHistory?: AccessEvent[];
}

/** One statutory clock, in the deadline shape of the API contract plus a readable name. */
export interface CaseClock {
  rule: string;
  name: string;
  dueDate: IsoDate;
  dueAt?: string;
  status: 'pending' | 'met' | 'met-late' | 'overdue' | 'paused' | 'not-applicable';
  pausedReason?: string;
}

export interface TimelineEvent {
  at: Date | string;
  title: string;
  detail?: string;
  by?: string;
}

export interface CaseDocument {
  name: string;
  href: string;
  /** Absent for documents the portal produces on demand, such as PDF reports. */
  addedAt?: Date | string;
  addedBy?: string;
  /** For example 'PDF, 240 KB'. */
  description?: string;
}

export interface AccessEvent {
  at: Date;
  who: string;
  what: string;
}
