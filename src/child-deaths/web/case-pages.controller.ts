import { Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { CasePages } from '../../web/case/case-pages.service';
import { NavItem } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import { CaseClocks } from '../case-clocks.service';
import { CaseQueryService } from '../case-query.service';
import { CaseStore } from '../case-store.service';
import { CaseListQuery } from '../dto/query.dto';
import { ETHNIC_CATEGORIES, PLACE_OF_DEATH_LABELS } from '../forms/notification-options';
import { CASE_READERS, CaseIdPipe } from '../ids';
import { CASE_STATE_LABELS, CASE_STATES, CaseState, PAUSE_REASON_LABELS } from '../rules/case-lifecycle';
import {
  abilities,
  answerText,
  casePageModel,
  fieldLabel,
  investigationRows,
  jarCriteria,
  jarRecordRows,
} from './case-page.builder';
import { SEX_LABELS } from './options';

/** Confirmations shown at the top of the case page after a change (by key, so the text is ours). */
const DONE: Record<string, string> = {
  'jar-decided': 'The joint agency response decision has been recorded.',
  'jar-recorded': 'The joint agency response has been recorded.',
  'key-worker': 'The key worker has been named.',
  'family-contact': 'The contact with the family has been recorded.',
  investigations: 'The post-mortem, inquest and investigation status has been recorded.',
  paused: 'The case is paused.',
  resumed: 'The case has resumed. Paused clocks have moved on by the time paused.',
  'abuse-or-neglect': 'A serious incident notification draft has been opened for the local authority.',
  'meeting-held': 'The child death review meeting has been recorded as held.',
  'analysis-sent': 'The draft analysis has gone to the CDOP.',
  finalised: 'The CDOP’s analysis is final.',
  ncmd: 'The NCMD submission has been recorded.',
  closed: 'The case is closed.',
  chased: 'The outstanding reports have been chased.',
  'designated-doctor': 'How the designated doctor was told has been recorded.',
};

@NavItem({ text: 'Child deaths', href: '/child-deaths', roles: CASE_READERS, order: 20 })
@Permission(...CASE_READERS)
@WebController('child-deaths')
export class CasePagesController {
  constructor(
    private readonly query: CaseQueryService,
    private readonly clocks: CaseClocks,
    private readonly store: CaseStore,
    private readonly pages: CasePages,
  ) {}

  @Get()
  async list(
    @Query() raw: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const state = CASE_STATES.includes(raw.status as CaseState) ? (raw.status as CaseState) : undefined;
    const page = Math.max(1, Number.parseInt(String(raw.page ?? '1'), 10) || 1);
    const filter: CaseListQuery = { ...(state ? { state } : {}), limit: 25, offset: (page - 1) * 25 };
    const { total, cases } = await this.query.list(user, filter);
    res.render('child-deaths/list.njk', {
      pageTitle: 'Child deaths',
      cases,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / 25)),
      status: state ?? '',
      statusItems: [
        { value: '', text: 'All stages' },
        ...CASE_STATES.map((s) => ({ value: s, text: CASE_STATE_LABELS[s], selected: s === state })),
      ],
      canNotify: true,
    });
  }

  @Get(':caseId')
  async show(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Query('done') done: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const view = await this.query.view(user, caseId);
    const deadlines = await this.clocks.list(view.id);
    const casePage = casePageModel(view, deadlines, user);
    casePage.accessHistory = await this.pages.accessHistory(user, this.store.scope(view));
    res.render('child-deaths/case.njk', {
      pageTitle: `Child death ${view.reference}`,
      casePage,
      view,
      can: abilities(user, view),
      done: typeof done === 'string' ? DONE[done] : undefined,
      criteria: jarCriteria(view),
      investigationRows: investigationRows(view),
      jarRecordRows: jarRecordRows(view),
      reconciled: view.reconciliation.fields
        .filter((f) => f.disagreement)
        .map((f) => ({
          label: fieldLabel(f.field),
          shown: answerText(f.value),
          answers: f.answers.map((a) => ({
            value: answerText(a.value),
            by: view.notifications.find((n) => n.id === a.notificationId)?.notifier.organisation ?? '',
          })),
        })),
      labels: {
        sex: SEX_LABELS,
        ethnicity: ETHNIC_CATEGORIES,
        place: PLACE_OF_DEATH_LABELS,
        pause: PAUSE_REASON_LABELS,
      },
    });
  }
}
