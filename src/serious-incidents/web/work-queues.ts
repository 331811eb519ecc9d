import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from '../../calendar/iso-date';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import {
  CaseSearch,
  CaseSearchProvider,
  CaseSearchResult,
  WorkQueuePanel,
  WorkQueuePanelView,
} from '../../web/shell/contributions';
import { CountsPanel } from '../../web/work-queues/counts.panel';
import { DUE_SOON_DAYS } from '../../recommendations/recommendations.service';
import { IncidentAccess } from '../incident-access.service';

const IN_VIEW = `(si.local_authority_id = ANY($1::uuid[]) OR si.lead_local_authority_id = ANY($1::uuid[])
                  OR si.involved_local_authority_ids && $1::uuid[])`;

/** "My work" for the local authority: notifications to sign off and submit. */
@WorkQueuePanel()
@Injectable()
export class NotifierWorkPanel extends CountsPanel {
  readonly roles: Role[] = ['la-notifier', 'dcs'];
  readonly order = 30;

  protected async build(visible: string[]): Promise<WorkQueuePanelView> {
    const [c]: { drafts: number; toSubmit: number; overdue: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE si.status = 'draft')::int AS drafts,
              count(*) FILTER (WHERE si.status = 'signed-off')::int AS "toSubmit",
              count(*) FILTER (WHERE si.status <> 'submitted' AND EXISTS (
                SELECT 1 FROM clock c WHERE c.case_id = si.id AND c.rule_id = 'SI-NOTIFY'
                  AND c.status = 'running' AND c.due_date < $2))::int AS overdue
         FROM serious_incident si WHERE ${IN_VIEW}`,
      [visible, this.time.today()],
    );
    return {
      title: 'Serious incident notifications',
      items: [
        {
          text: 'notifications past their 5 working days',
          count: c.overdue,
          href: '/serious-incidents?status=draft',
          urgent: true,
        },
        {
          text: 'drafts awaiting the DCS sign-off',
          count: c.drafts,
          href: '/serious-incidents?status=draft',
        },
        {
          text: 'signed off, to record as submitted',
          count: c.toSubmit,
          href: '/serious-incidents?status=signed-off',
        },
      ],
      link: { text: 'All serious incidents', href: '/serious-incidents' },
    };
  }
}

/** "My work" for the safeguarding partnership: rapid reviews, LCSPRs, publication and actions. */
@WorkQueuePanel()
@Injectable()
export class PartnershipWorkPanel extends CountsPanel {
  readonly roles: Role[] = ['partnership-manager', 'safeguarding-partner'];
  readonly order = 30;

  protected async build(visible: string[]): Promise<WorkQueuePanelView> {
    const today = this.time.today();
    const [c]: Record<string, number>[] = await this.dataSource.query(
      `WITH mine AS (SELECT si.id FROM serious_incident si WHERE ${IN_VIEW})
       SELECT
         (SELECT count(*) FROM clock c JOIN mine ON mine.id = c.case_id
           WHERE c.rule_id = 'SI-RAPID-REVIEW' AND c.status = 'running')::int AS "rapidReviewsDue",
         (SELECT count(*) FROM clock c JOIN mine ON mine.id = c.case_id
           WHERE c.rule_id = 'SI-RAPID-REVIEW' AND c.status = 'running' AND c.due_date < $2)::int AS "rapidReviewsOverdue",
         (SELECT count(*) FROM si_lcspr l JOIN mine ON mine.id = l.incident_id
           WHERE l.decision = 'lcspr' AND l.published_on IS NULL)::int AS "lcsprsInProgress",
         (SELECT count(*) FROM si_lcspr l JOIN mine ON mine.id = l.incident_id
           WHERE l.published_on IS NULL AND l.planned_publication_date BETWEEN $2 AND $3)::int AS "publishingSoon",
         (SELECT count(*) FROM recommendation r JOIN recommendation_action a ON a.recommendation_id = r.id
           WHERE r.organisation_ids && $1::uuid[] AND a.completed_on IS NULL AND a.due_date < $2)::int AS "actionsOverdue",
         (SELECT count(*) FROM recommendation r JOIN recommendation_action a ON a.recommendation_id = r.id
           WHERE r.organisation_ids && $1::uuid[] AND a.completed_on IS NULL
             AND a.due_date BETWEEN $2 AND $4)::int AS "actionsDueSoon"`,
      [visible, today, addDays(today, 30), addDays(today, DUE_SOON_DAYS)],
    );
    return {
      title: 'Serious incidents and reviews',
      items: [
        {
          text: 'rapid reviews overdue',
          count: c.rapidReviewsOverdue,
          href: '/serious-incidents?status=submitted',
          urgent: true,
        },
        {
          text: 'rapid reviews due with the Panel',
          count: c.rapidReviewsDue,
          href: '/serious-incidents?status=submitted',
        },
        {
          text: 'LCSPRs in progress',
          count: c.lcsprsInProgress,
          href: '/serious-incidents?status=submitted',
        },
        {
          text: 'LCSPRs to publish in the next 30 days',
          count: c.publishingSoon,
          href: '/serious-incidents?status=submitted',
        },
        {
          text: `actions due in the next ${DUE_SOON_DAYS} days`,
          count: c.actionsDueSoon,
          href: '/recommendations?status=due-soon',
        },
        {
          text: 'actions overdue',
          count: c.actionsOverdue,
          href: '/recommendations?status=overdue',
          urgent: true,
        },
      ],
      link: { text: 'Recommendations and actions', href: '/recommendations' },
    };
  }
}

/** Finds incidents by their reference (SI-2026-0001). */
@CaseSearch()
@Injectable()
export class IncidentSearch implements CaseSearchProvider {
  readonly kind = 'Serious incident';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
  ) {}

  async search(user: AuthenticatedUser, query: string): Promise<CaseSearchResult[]> {
    const reference = query.trim().toUpperCase();
    if (!/^SI-\d{4}-\d{1,6}$/.test(reference)) return [];
    const visible = await this.access.visibleOrganisationIds(user);
    const rows: { id: string; reference: string; status: string }[] = await this.dataSource.query(
      `SELECT si.id, si.reference, si.status FROM serious_incident si WHERE si.reference = $2 AND ${IN_VIEW}`,
      [user.roles.some((r) => r !== 'reviewer') ? visible : [], reference],
    );
    return rows.map((r) => ({
      reference: r.reference,
      kind: this.kind,
      summary: `Notification ${r.status === 'submitted' ? 'submitted' : 'in draft'}`,
      href: `/serious-incidents/${r.id}`,
    }));
  }
}
