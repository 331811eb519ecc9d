import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { NavItem } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import { ACTION_STATUSES, ActionStatus } from '../action-status';
import { RecommendationsService } from '../recommendations.service';

const TRACKER_PEOPLE: Role[] = [
  'partnership-manager',
  'safeguarding-partner',
  'cdop-admin',
  'dcs',
  'read-only',
];
const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  'due-soon': 'Due in the next 14 days',
  overdue: 'Overdue',
  completed: 'Completed',
};
const RAG_CLASSES: Readonly<Record<string, string>> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
};

/** The partnership view of recommendations and actions across every review (WT 410–411). */
@NavItem({ text: 'Recommendations', href: '/recommendations', roles: TRACKER_PEOPLE, order: 35 })
@Permission(...TRACKER_PEOPLE)
@WebController('recommendations')
export class RecommendationPagesController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get()
  async list(
    @Query() raw: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 100) : '');
    const agency = text(raw.agency);
    const theme = text(raw.theme);
    const status = ACTION_STATUSES.find((s) => s === raw.status);
    const recommendations = await this.recommendations.list(user, {
      ...(agency ? { agency } : {}),
      ...(theme ? { theme } : {}),
      ...(status ? { status } : {}),
    });
    res.render('serious-incidents/recommendations.njk', {
      pageTitle: 'Recommendations and actions',
      recommendations: recommendations.map((r) => ({
        ...r,
        actions: r.actions.map((a) => ({
          ...a,
          statusText: STATUS_LABELS[a.status],
          ragTag: { text: a.rag.charAt(0).toUpperCase() + a.rag.slice(1), classes: RAG_CLASSES[a.rag] },
        })),
      })),
      filters: { agency, theme },
      statusItems: [
        { value: '', text: 'Any status' },
        ...ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], selected: s === status })),
      ],
    });
  }
}
