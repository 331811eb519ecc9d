import { Injectable } from '@nestjs/common';
import type { ClockProcess } from '../../deadlines/rules/clock-rules';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import { WorkQueuePanel, WorkQueuePanelProvider, WorkQueuePanelView } from '../shell/contributions';
import { ClockQueue, DUE_SOON_DAYS } from './clock-queue.service';

/** Which clocks each role watches on "My work": child death reviews, or incidents and their reviews. */
export const PROCESSES_BY_ROLE: Partial<Record<Role, ClockProcess[]>> = {
  'cdop-admin': ['cdr'],
  'designated-doctor': ['cdr'],
  'la-notifier': ['si', 'sp'],
  dcs: ['si', 'sp'],
  'safeguarding-partner': ['si', 'sp'],
  'partnership-manager': ['si', 'sp'],
};

/** Overdue statutory clocks, and those due within a week, of the cases the user may see. */
@WorkQueuePanel()
@Injectable()
export class ClocksPanel implements WorkQueuePanelProvider {
  readonly roles = Object.keys(PROCESSES_BY_ROLE) as Role[];
  readonly order = 50;

  constructor(private readonly queue: ClockQueue) {}

  async panel(user: AuthenticatedUser, role: Role): Promise<WorkQueuePanelView> {
    const processes = PROCESSES_BY_ROLE[role] ?? [];
    const [overdue, dueSoon] = await Promise.all([
      this.queue.clocks(user, { status: 'overdue', processes }),
      this.queue.clocks(user, { dueSoon: true, processes }),
    ]);
    const list = (query: string) => `/deadlines?${query}&process=${processes.join(',')}`;
    return {
      title: 'Statutory clocks',
      items: [
        { text: 'overdue', count: overdue.length, href: list('status=overdue'), urgent: true },
        { text: `due in the next ${DUE_SOON_DAYS} days`, count: dueSoon.length, href: list('due=soon') },
      ],
      link: { text: 'All clocks', href: list('status=') },
    };
  }
}
