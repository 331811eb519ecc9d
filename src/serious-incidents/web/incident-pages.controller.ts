import {
  Body,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  UploadedFile as Uploaded,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { CasePages } from '../../web/case/case-pages.service';
import { FormErrors, formErrors } from '../../web/forms/form';
import { NavItem } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import { AttachmentService, UploadedFile } from '../attachments/attachment.service';
import { NationalExportService } from '../national-export.service';
import { READERS } from '../notification.controller';
import { NotificationWorkflowService } from '../notification-workflow.service';
import { RapidReviewService } from '../rapid-review/rapid-review.service';
import { LCSPR_CRITERIA } from '../rules/lcspr';
import { abilities } from './abilities';
import { casePageModel, childName } from './case-page.builder';
import { dateAnchors, FormReader, serviceErrors } from './form-kit';
import { FormExtra, IncidentFormSpec, IncidentForms } from './incident-forms';
import {
  ABUSE_LABELS,
  CRITERIA_LABELS,
  LOCATION_LABELS,
  PARTNER_LABELS,
  ROUTE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
} from './labels';
import { IncidentContext, IncidentPageContext } from './page-context.service';

const SI_PEOPLE: Role[] = [
  'la-notifier',
  'dcs',
  'safeguarding-partner',
  'partnership-manager',
  'reviewer',
  'read-only',
];

/** Confirmations for the buttons on the case page itself (forms carry their own). */
const DONE: Record<string, string> = {
  created: 'The draft notification has been saved.',
  'signed-off': 'You have signed off the notification. It can now be submitted.',
  'rapid-review-submitted': 'The rapid review is recorded as sent to the Panel.',
  attached: 'The file has been attached.',
};

/** The serious incident pages: the list, the case page, its forms and the printable notification. */
@NavItem({ text: 'Serious incidents', href: '/serious-incidents', roles: SI_PEOPLE, order: 30 })
@Permission(...READERS)
@WebController('serious-incidents')
export class IncidentPagesController {
  constructor(
    private readonly context: IncidentPageContext,
    private readonly forms: IncidentForms,
    private readonly workflow: NotificationWorkflowService,
    private readonly rapidReviews: RapidReviewService,
    private readonly attachments: AttachmentService,
    private readonly national: NationalExportService,
    private readonly pages: CasePages,
  ) {}

  @Get(':id')
  async show(
    @Param('id') id: string,
    @Query('done') done: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const ctx = await this.context.load(id, user);
    await this.renderCase(
      res,
      200,
      ctx,
      user,
      typeof done === 'string' ? (DONE[done] ?? this.forms.spec(done)?.done) : undefined,
    );
  }

  @Get(':id/national-notification')
  async printable(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const national = await this.national.forIncident(id, user);
    res.render('serious-incidents/national-notification.njk', {
      pageTitle: `Notification ${national.reference}`,
      id,
      national,
      labels: { type: TYPE_LABELS, abuse: ABUSE_LABELS, location: LOCATION_LABELS },
    });
  }

  @Get(':id/attachments/:attachmentId')
  async download(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const { attachment, content } = await this.attachments.download(id, attachmentId, user);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${attachment.filename}"`);
    res.send(content);
  }

  /** A multipart form: its CSRF token travels in the action URL (src/web/README.md). */
  @Post(':id/attachments')
  @Permission('la-notifier', 'dcs', 'safeguarding-partner', 'partnership-manager')
  @UseInterceptors(FileInterceptor('file'))
  async attach(
    @Param('id') id: string,
    @Uploaded() file: UploadedFile | undefined,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const description = typeof body.description === 'string' ? body.description.slice(0, 500) : undefined;
    try {
      await this.attachments.add(id, file, description, user);
    } catch (error) {
      const ctx = await this.context.load(id, user);
      return this.renderCase(res, 400, ctx, user, undefined, serviceErrors(error, {}, 'file', {}));
    }
    res.redirect(303, `/serious-incidents/${id}?done=attached#case-documents`);
  }

  @Post(':id/sign-off')
  @Permission('dcs')
  async signOff(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.button(
      id,
      user,
      res,
      'signed-off',
      '#notification',
      (version) => this.workflow.signOff(id, { ...(version ? { version } : {}) }, user),
      body,
    );
  }

  @Post(':id/rapid-review/submit')
  @Permission('safeguarding-partner', 'partnership-manager')
  async submitRapidReview(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.button(
      id,
      user,
      res,
      'rapid-review-submitted',
      '#rapid-review',
      (version) => this.rapidReviews.submit(id, { ...(version ? { version } : {}) }, user),
      body,
    );
  }

  @Get(':id/children/:childId')
  showChild(
    @Param('id') id: string,
    @Param('childId') childId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.showForm('child', id, user, res, { childId });
  }

  @Post(':id/children/:childId')
  submitChild(
    @Param('id') id: string,
    @Param('childId') childId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.submitForm('child', id, body, user, res, { childId });
  }

  @Get(':id/:group/:form')
  showNested(
    @Param('id') id: string,
    @Param('group') group: string,
    @Param('form') form: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.showForm(`${group}/${form}`, id, user, res, {});
  }

  @Post(':id/:group/:form')
  submitNested(
    @Param('id') id: string,
    @Param('group') group: string,
    @Param('form') form: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.submitForm(`${group}/${form}`, id, body, user, res, {});
  }

  @Get(':id/:form')
  showSingle(
    @Param('id') id: string,
    @Param('form') form: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.showForm(form, id, user, res, {});
  }

  @Post(':id/:form')
  submitSingle(
    @Param('id') id: string,
    @Param('form') form: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.submitForm(form, id, body, user, res, {});
  }

  private async button(
    id: string,
    user: AuthenticatedUser,
    res: Response,
    done: string,
    anchor: string,
    act: (version: number | undefined) => Promise<unknown>,
    body: Record<string, unknown>,
  ) {
    try {
      await act(new FormReader(body).version());
    } catch (error) {
      const ctx = await this.context.load(id, user);
      return this.renderCase(res, 422, ctx, user, undefined, serviceErrors(error, {}, anchor.slice(1), {}));
    }
    res.redirect(303, `/serious-incidents/${id}?done=${done}${anchor}`);
  }

  private spec(name: string): IncidentFormSpec {
    const spec = this.forms.spec(name);
    if (!spec) throw new NotFoundException('There is no such page');
    return spec;
  }

  private async showForm(name: string, id: string, user: AuthenticatedUser, res: Response, extra: FormExtra) {
    const spec = this.spec(name);
    const ctx = await this.context.load(id, user);
    this.renderForm(res, 200, name, spec, ctx, spec.initial?.(ctx, extra) ?? {}, extra);
  }

  private async submitForm(
    name: string,
    id: string,
    body: Record<string, unknown>,
    user: AuthenticatedUser,
    res: Response,
    extra: FormExtra,
  ) {
    const spec = this.spec(name);
    const ctx = await this.context.load(id, user);
    const reader = new FormReader(body);
    const value = spec.read(reader, ctx);
    const anchors = dateAnchors(spec.fields(ctx, body, extra));
    const fail = (errors: FormErrors) => this.renderForm(res, 400, name, spec, ctx, body, extra, errors);
    if (reader.errors.length) return fail(formErrors(reader.errors, { anchors }));
    try {
      await spec.submit(user, ctx, value, reader.version(), extra);
    } catch (error) {
      return fail(serviceErrors(error, spec.fieldMap, spec.fallback, anchors));
    }
    res.redirect(303, `/serious-incidents/${id}?done=${encodeURIComponent(name)}`);
  }

  private renderForm(
    res: Response,
    status: number,
    name: string,
    spec: IncidentFormSpec,
    ctx: IncidentContext,
    values: Record<string, unknown>,
    extra: FormExtra,
    errors?: FormErrors,
  ) {
    const path = name === 'child' ? `children/${extra.childId}` : name;
    res.status(status).render('serious-incidents/form.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}${spec.heading}`,
      incident: ctx.incident,
      heading: spec.heading,
      intro: spec.intro?.(ctx) ?? [],
      action: `/serious-incidents/${ctx.incident.id}/${path}`,
      fields: spec.fields(ctx, values, extra),
      values,
      errors,
      submitText: spec.submitText,
      version: spec.version?.(ctx, extra) ?? '',
    });
  }

  private async renderCase(
    res: Response,
    status: number,
    ctx: IncidentContext,
    user: AuthenticatedUser,
    done?: string,
    errors?: FormErrors,
  ) {
    const casePage = casePageModel(ctx);
    casePage.accessHistory = await this.pages.accessHistory(user, ctx.scope);
    res.status(status).render('serious-incidents/case.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Serious incident ${ctx.incident.reference}`,
      casePage,
      ctx,
      incident: ctx.incident,
      can: abilities(user, ctx),
      done,
      errors,
      childName,
      labels: {
        partner: PARTNER_LABELS,
        criteria: CRITERIA_LABELS,
        route: ROUTE_LABELS,
        stage: STAGE_LABELS,
        status: STATUS_LABELS,
      },
      criteriaIds: LCSPR_CRITERIA.map((c) => c.id),
      names: Object.fromEntries(ctx.names),
    });
  }
}
