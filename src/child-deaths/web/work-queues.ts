import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import {
  CaseSearch,
  CaseSearchProvider,
  CaseSearchResult,
  WorkQueuePanel,
  WorkQueuePanelView,
} from '../../web/shell/contributions';
import { CountsPanel } from '../../web/work-queues/counts.panel';
import { CaseQueryService } from '../case-query.service';

/** Counts of the caller's CDOPs' open cases, by what is waiting on them. */
async function counts(ds: DataSource, visible: string[], today: string, now: Date) {
  const [row]: Record<string, number>[] = await ds.query(
    `WITH mine AS (
       SELECT * FROM cdr_case
        WHERE merged_into_case_id IS NULL AND state <> 'closed'
          AND (owning_cdop_id = ANY($1::uuid[]) OR shared_with_cdop_ids && $1::uuid[]))
     SELECT
       (SELECT count(*) FROM mine WHERE state = 'notified')::int AS "toTriage",
       (SELECT count(*) FROM mine WHERE (jar_evaluation->>'required')::boolean AND jar_decision IS NULL)::int AS "jarToDecide",
       (SELECT count(*) FROM mine WHERE state = 'information-gathering')::int AS "gathering",
       (SELECT count(*) FROM mine WHERE state IN ('awaiting-cdrm', 'cdrm-held'))::int AS "atCdrm",
       (SELECT count(*) FROM mine WHERE state = 'awaiting-cdop')::int AS "awaitingCdop",
       (SELECT count(*) FROM mine WHERE paused_since IS NOT NULL)::int AS "paused",
       (SELECT count(*) FROM cdr_reporting_request r JOIN mine c ON c.id = r.case_id WHERE r.returned_at IS NULL)::int AS "returnsOutstanding",
       (SELECT count(*) FROM cdr_reporting_request r JOIN mine c ON c.id = r.case_id WHERE r.returned_at IS NULL AND r.due_date < $2)::int AS "returnsOverdue",
       (SELECT count(*) FROM cdr_review_meeting m JOIN mine c ON c.id = m.case_id
          WHERE m.status = 'scheduled' AND m.scheduled_for >= $3 AND m.scheduled_for < $3::timestamptz + interval '28 days')::int AS "meetingsSoon",
       (SELECT count(*) FROM mine c WHERE c.state = 'cdrm-held'
          AND NOT EXISTS (SELECT 1 FROM cdr_analysis_form a WHERE a.case_id = c.id AND a.status <> 'draft'))::int AS "analysisToDraft"`,
    [visible, today, now],
  );
  return row;
}

/** "My work" for the CDOP administrator and the designated doctor. */
@WorkQueuePanel()
@Injectable()
export class ChildDeathWorkPanel extends CountsPanel {
  readonly roles: Role[] = ['cdop-admin', 'designated-doctor'];
  readonly order = 10;

  protected async build(visible: string[], role: Role): Promise<WorkQueuePanelView> {
    const c = await counts(this.dataSource, visible, this.time.today(), this.time.now());
    const list = (status: string) => `/child-deaths?status=${status}`;
    if (role === 'designated-doctor') {
      return {
        title: 'Child deaths',
        items: [
          {
            text: 'joint agency response decisions to confirm',
            count: c.jarToDecide,
            href: list('notified'),
            urgent: true,
          },
          {
            text: 'analysis forms to draft after the review meeting',
            count: c.analysisToDraft,
            href: list('cdrm-held'),
          },
          { text: 'analyses with the CDOP to sign off', count: c.awaitingCdop, href: list('awaiting-cdop') },
        ],
        link: { text: 'All child deaths', href: '/child-deaths' },
      };
    }
    return {
      title: 'Child deaths',
      items: [
        { text: 'new notifications to triage', count: c.toTriage, href: list('notified'), urgent: true },
        { text: 'gathering information', count: c.gathering, href: list('information-gathering') },
        {
          text: 'agency reports outstanding',
          count: c.returnsOutstanding,
          href: list('information-gathering'),
        },
        {
          text: 'agency reports overdue',
          count: c.returnsOverdue,
          href: list('information-gathering'),
          urgent: true,
        },
        { text: 'review meetings in the next 4 weeks', count: c.meetingsSoon, href: list('awaiting-cdrm') },
        { text: 'awaiting the CDOP’s review', count: c.awaitingCdop, href: list('awaiting-cdop') },
        { text: 'paused', count: c.paused, href: '/child-deaths' },
      ],
      link: { text: 'Panel meetings', href: '/cdop/panel-meetings' },
    };
  }
}

/** Finds child death cases by reference, NHS number or name, within what the user may see. */
@CaseSearch()
@Injectable()
export class ChildDeathSearch implements CaseSearchProvider {
  readonly kind = 'Child death';

  constructor(private readonly cases: CaseQueryService) {}

  async search(user: AuthenticatedUser, query: string): Promise<CaseSearchResult[]> {
    const { cases } = await this.cases.list(user, { q: query, limit: 50 });
    return cases.map((c) => ({
      reference: c.reference,
      kind: this.kind,
      summary: `${[c.child.givenName, c.child.familyName].filter(Boolean).join(' ')}, died ${c.dateOfDeath}`,
      href: `/child-deaths/${c.id}`,
    }));
  }
}
