import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AccessService } from '../../identity/access.service';
import { OrganisationsService } from '../../identity/organisations.service';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { formErrors, FormErrors } from '../../web/forms/form';
import { NavItem } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import { PANEL_OUTCOMES, PanelOutcome } from '../entities/panel-meeting.entity';
import { idPipe } from '../ids';
import { PanelMeetingsService } from '../panel-meetings.service';
import { analysisFormDefinition } from '../rules/analysis-form';
import { analysisSummary } from './analysis-pages.controller';
import { dateField, FieldError, readDate, text } from './form-page';
import { radios, selectItems } from './options';
import { pageErrors } from './page-errors';

const PANEL_ROLES = ['cdop-admin', 'designated-doctor', 'cdop-panel-member'] as const;
const OUTCOME_LABELS: Record<PanelOutcome, string> = {
  'analysis-agreed': 'Analysis agreed',
  deferred: 'Deferred to a later meeting',
  'more-information-needed': 'More information needed',
};

/** CDOP panel meetings: the agenda of cases ready for review, the panel pack, and each case's outcome. */
@NavItem({ text: 'Panel meetings', href: '/cdop/panel-meetings', roles: [...PANEL_ROLES], order: 25 })
@Permission(...PANEL_ROLES)
@WebController('cdop/panel-meetings')
export class PanelPagesController {
  constructor(
    private readonly panels: PanelMeetingsService,
    private readonly access: AccessService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  async index(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const cdops = await this.myCdops(user);
    const meetings = [];
    for (const cdop of cdops) {
      meetings.push({
        cdop,
        meetings: await this.panels.list(user, cdop.id),
        ready: await this.panels.ready(user, cdop.id),
      });
    }
    res.render('child-deaths/panel-meetings.njk', {
      pageTitle: 'CDOP panel meetings',
      meetings,
      canArrange: user.roles.includes('cdop-admin'),
    });
  }

  @Get('new')
  @Permission('cdop-admin')
  async newMeeting(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    this.renderNew(res, 200, await this.myCdops(user), {});
  }

  @Post('new')
  @Permission('cdop-admin')
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const cdops = await this.myCdops(user);
    const errors: FieldError[] = [];
    const meetingOn = readDate(body, 'meetingOn', 'Date of the meeting', errors);
    const cdopId = cdops.length === 1 ? cdops[0].id : text(body, 'cdopId');
    if (!cdops.some((c) => c.id === cdopId)) errors.push({ field: 'cdopId', text: 'Select the CDOP' });
    if (errors.length)
      return this.renderNew(
        res,
        400,
        cdops,
        body,
        formErrors(errors, { anchors: { meetingOn: 'meetingOn-day' } }),
      );
    const location = text(body, 'location');
    try {
      const meeting = await this.panels.create(user, {
        cdopId,
        meetingOn: meetingOn!,
        ...(location ? { location } : {}),
      });
      res.redirect(303, `/cdop/panel-meetings/${meeting.id}`);
    } catch (error) {
      this.renderNew(res, 400, cdops, body, pageErrors(error, {}, 'meetingOn'));
    }
  }

  @Get(':meetingId')
  async show(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    this.renderMeeting(res, 200, user, await this.panels.get(user, meetingId));
  }

  @Post(':meetingId/outcomes')
  @Permission('cdop-admin')
  async outcome(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const caseId = text(body, 'caseId');
    const outcome = text(body, 'outcome') as PanelOutcome;
    const field = `outcome-${caseId}`;
    if (!PANEL_OUTCOMES.includes(outcome)) {
      return this.renderMeeting(
        res,
        400,
        user,
        await this.panels.get(user, meetingId),
        formErrors([{ field, text: 'Select the panel’s outcome' }]),
      );
    }
    try {
      await this.panels.recordOutcome(user, meetingId, {
        caseId,
        outcome,
        ...(text(body, 'notes') ? { notes: text(body, 'notes') } : {}),
      });
      res.redirect(303, `/cdop/panel-meetings/${meetingId}#case-${caseId}`);
    } catch (error) {
      const status = (error as { getStatus?: () => number }).getStatus?.();
      if (status !== 422 && status !== 400 && status !== 409) throw error;
      this.renderMeeting(
        res,
        400,
        user,
        await this.panels.get(user, meetingId),
        pageErrors(error, {}, field),
      );
    }
  }

  @Get(':meetingId/pack')
  async pack(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const data = await this.panels.packData(user, meetingId);
    const cases = data.cases.map((item) => {
      const definition = item.analysis && analysisFormDefinition(item.analysis.formVersion);
      return {
        ...item,
        summary:
          item.analysis && definition
            ? analysisSummary({ answers: item.analysis.answers, definition })
            : null,
      };
    });
    res.render('child-deaths/panel-pack.njk', {
      pageTitle: `Panel pack – ${data.meeting.meetingOn}`,
      meeting: data.meeting,
      cases,
    });
  }

  private renderMeeting(
    res: Response,
    status: number,
    user: AuthenticatedUser,
    meeting: Awaited<ReturnType<PanelMeetingsService['get']>>,
    errors?: FormErrors,
  ) {
    res.status(status).render('child-deaths/panel-meeting.njk', {
      pageTitle: `Panel meeting ${meeting.meetingOn}`,
      meeting,
      errors,
      canRecord: user.roles.includes('cdop-admin'),
      outcomeItems: (chosen: string | null) => radios(OUTCOME_LABELS, chosen),
      outcomeLabels: OUTCOME_LABELS,
    });
  }

  private renderNew(
    res: Response,
    status: number,
    cdops: { id: string; name: string }[],
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    res.status(status).render('child-deaths/panel-meeting-new.njk', {
      pageTitle: 'Arrange a panel meeting',
      values,
      errors,
      meetingOn: dateField(values, 'meetingOn'),
      cdopItems:
        cdops.length > 1
          ? selectItems(
              cdops.map((c) => ({ value: c.id, text: c.name })),
              values.cdopId,
              'Select the CDOP',
            )
          : null,
    });
  }

  private async myCdops(user: AuthenticatedUser) {
    const visible = await this.access.visibleOrganisationIds(user);
    return (await this.organisations.list())
      .filter((o) => o.type === 'cdop' && visible.includes(o.id))
      .map((o) => ({ id: o.id, name: o.name }));
  }
}
