import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DeadlineView } from '../../deadlines/deadline-view';
import type { ClockProcess } from '../../deadlines/rules/clock-rules';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { paginationFor, parseListQuery, sortableHead } from '../lists/list-query';
import { NavItem } from '../shell/contributions';
import { WebController } from '../shell/web-controller';
import { ClockQueue, DUE_SOON_DAYS, pauseReasonText } from './clock-queue.service';
import { PROCESSES_BY_ROLE } from './clocks.panel';

const BASE = '/deadlines';
const CLOCK_ROLES = Object.keys(PROCESSES_BY_ROLE) as Role[];
const LIST = {
  sorts: ['due', 'case'] as const,
  defaultSort: 'due' as const,
  defaultDirection: 'asc' as const,
  filters: ['status', 'process', 'due'] as const,
};
const STATUSES = ['overdue', 'pending', 'paused', 'met', 'met-late', 'not-applicable'];
const PROCESS_NAMES: Record<ClockProcess, string> = {
  cdr: 'Child death review',
  si: 'Serious incident',
  sp: 'Safeguarding partnership',
};

function sortKey(sort: 'due' | 'case') {
  return sort === 'due'
    ? (c: DeadlineView) => `${c.dueDate}${c.caseReference}`
    : (c: DeadlineView) => `${c.caseReference}${c.dueDate}`;
}

/** Every statutory clock the user may see, filtered, sorted and paged: the list behind the clock counts. */
@NavItem({ text: 'Deadlines', href: BASE, roles: CLOCK_ROLES, order: 40 })
@Permission(...CLOCK_ROLES)
@WebController('deadlines')
export class DeadlinesPagesController {
  constructor(private readonly queue: ClockQueue) {}

  @Get()
  async list(
    @Query() raw: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const query = parseListQuery(raw, LIST);
    const { status, process, due } = query.filters;
    const processes = (process ?? '').split(',').filter((p): p is ClockProcess => p in PROCESS_NAMES);
    const clocks = await this.queue.clocks(user, {
      status: status && STATUSES.includes(status) ? status : undefined,
      processes,
      dueSoon: due === 'soon',
    });
    const key = sortKey(query.sort);
    const sorted = clocks.sort((a, b) => key(a).localeCompare(key(b)) * (query.direction === 'asc' ? 1 : -1));
    res.render('work-queues/deadlines.njk', {
      pageTitle: 'Deadlines',
      filters: query.filters,
      dueSoonDays: DUE_SOON_DAYS,
      statusItems: [
        { value: '', text: 'Any status' },
        ...STATUSES.map((s) => ({ value: s, text: s.replace('-', ' '), selected: s === status })),
      ],
      processItems: [
        { value: '', text: 'All cases' },
        ...(['cdr', 'si,sp'] as const).map((p) => ({
          value: p,
          text: p === 'cdr' ? 'Child death reviews' : 'Serious incidents and safeguarding partnerships',
          selected: p === process,
        })),
      ],
      head: sortableHead(BASE, query, [
        { text: 'Case', sort: 'case' },
        { text: 'What is due' },
        { text: 'Due', sort: 'due' },
        { text: 'Status' },
        { text: 'Paused because' },
      ]),
      clocks: sorted.slice(query.offset, query.offset + query.pageSize).map((c) => ({
        ...c,
        process: PROCESS_NAMES[c.caseType],
        pausedBecause: pauseReasonText(c),
      })),
      total: clocks.length,
      pagination: paginationFor(BASE, query, clocks.length),
    });
  }
}
