import type { IsoDate } from '../../calendar/iso-date';
import type { DeadlineStatus } from '../../deadlines/clock-state';

/**
 * How an organisation kept to its statutory and local windows over a period: every clock due in the
 * period with its outcome, and per rule the share met on time. A clock still running before its due
 * date, or paused, has no outcome yet and is left out of the share; so is one that does not apply.
 */

export interface CompliancePause {
  from: Date;
  /** Null while the pause goes on. */
  to: Date | null;
  reason: string;
  text?: string;
}

/** A due date moved because the working-day calendar changed (clock_history). */
export interface CalendarRecomputation {
  at: Date;
  dueDateBefore: IsoDate | null;
  dueDateAfter: IsoDate | null;
  holiday: { date: string; name: string } | null;
}

export interface ComplianceClock {
  caseReference: string;
  rule: string;
  title: string;
  subject?: string;
  basisDate: IsoDate;
  dueDate: IsoDate;
  dueAt?: Date;
  status: DeadlineStatus;
  completedAt?: Date;
  pauses: CompliancePause[];
  recomputations: CalendarRecomputation[];
}

export interface RuleCompliance {
  rule: string;
  title: string;
  due: number;
  met: number;
  metLate: number;
  overdue: number;
  /** Not yet due, or paused: no outcome yet. */
  open: number;
  notApplicable: number;
  /** Met on time out of those with an outcome (met, met late, overdue); null when none has one. */
  shareOnTime: number | null;
}

export interface ComplianceSummary {
  rules: RuleCompliance[];
  overall: RuleCompliance;
  clocks: ComplianceClock[];
}

function tally(rule: string, title: string, clocks: readonly ComplianceClock[]): RuleCompliance {
  const count = (...statuses: DeadlineStatus[]) => clocks.filter((c) => statuses.includes(c.status)).length;
  const met = count('met');
  const metLate = count('met-late');
  const overdue = count('overdue');
  const decided = met + metLate + overdue;
  return {
    rule,
    title,
    due: clocks.length,
    met,
    metLate,
    overdue,
    open: count('pending', 'paused'),
    notApplicable: count('not-applicable'),
    shareOnTime: decided === 0 ? null : met / decided,
  };
}

/** Clocks in due-date order, and the tally per rule in rule order, with the overall tally. */
export function deadlineCompliance(clocks: readonly ComplianceClock[]): ComplianceSummary {
  const sorted = [...clocks].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.caseReference.localeCompare(b.caseReference) ||
      a.rule.localeCompare(b.rule),
  );
  const rules = [...new Set(sorted.map((c) => c.rule))].sort();
  return {
    rules: rules.map((rule) => {
      const ofRule = sorted.filter((c) => c.rule === rule);
      return tally(rule, ofRule[0].title, ofRule);
    }),
    overall: tally('All', 'All clocks', sorted),
    clocks: sorted,
  };
}

/** "67%", or a dash when no clock of the rule has an outcome yet. */
export function percentText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}
