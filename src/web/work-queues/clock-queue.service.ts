import { Injectable } from '@nestjs/common';
import { addDays } from '../../calendar/iso-date';
import { TimeSource } from '../../calendar/time-source';
import type { DeadlineView } from '../../deadlines/deadline-view';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import type { ClockProcess } from '../../deadlines/rules/clock-rules';
import { AccessService } from '../../identity/access.service';
import type { AuthenticatedUser } from '../../identity/permissions';

/** How far ahead "due soon" looks, in calendar days from today (London). */
export const DUE_SOON_DAYS = 7;

export interface ClockFilter {
  status?: string;
  processes?: ClockProcess[];
  /** Only pending clocks due between today and DUE_SOON_DAYS from now. */
  dueSoon?: boolean;
}

const PAUSE_REASONS: Record<string, string> = {
  'post-mortem-awaited': 'Post-mortem awaited',
  inquest: 'Inquest',
  'criminal-investigation-or-prosecution': 'Criminal investigation or prosecution',
  'family-proceedings': 'Family proceedings',
};

export function pauseReasonText(clock: DeadlineView): string {
  if (!clock.pausedReason) return '';
  return clock.pausedReason === 'other'
    ? (clock.pausedReasonText ?? 'Other')
    : (PAUSE_REASONS[clock.pausedReason] ?? clock.pausedReason);
}

/**
 * The statutory clocks a person may see, for the "My work" counts and the list behind them. Visibility
 * is the same as GET /api/deadlines: the cases of their organisations, never through a reviewer's role.
 */
@Injectable()
export class ClockQueue {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly access: AccessService,
    private readonly time: TimeSource,
  ) {}

  async clocks(user: AuthenticatedUser, filter: ClockFilter): Promise<DeadlineView[]> {
    const organisational = user.roles.some((role) => role !== 'reviewer');
    const visible = organisational ? await this.access.visibleOrganisationIds(user) : [];
    const today = this.time.today();
    const status = filter.dueSoon ? 'pending' : filter.status;
    const dueBefore = filter.dueSoon ? addDays(today, DUE_SOON_DAYS + 1) : undefined;
    const clocks = await this.deadlines.listForOrganisations(visible, { status, dueBefore });
    return clocks.filter(
      (clock) =>
        (!filter.processes?.length || filter.processes.includes(clock.caseType)) &&
        (!filter.dueSoon || clock.dueDate >= today),
    );
  }
}
