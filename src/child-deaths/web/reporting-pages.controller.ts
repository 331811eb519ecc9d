import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission, Public } from '../../identity/permissions';
import { formErrors, FormErrors } from '../../web/forms/form';
import { NavItem } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import { CaseQueryService } from '../case-query.service';
import type { CaseView } from '../case-view';
import { ReportingFormSection, SUPPLEMENTARY_FORM_TYPES } from '../forms/reporting-forms';
import { AGENCY_STAFF, CASE_READERS, CaseIdPipe, idPipe, NOTIFIERS_OUTSIDE_CDOPS } from '../ids';
import { InformationGatheringService, IssuedRequestView } from '../information-gathering.service';
import { ReportingFormsService, ReportingFormView } from '../reporting-forms.service';
import type { FormField } from './form-page';
import { selectItems, yesNoItems } from './options';
import { lines, many, pageErrors } from './page-errors';
import { parseProfessionals } from './professionals-text';
import { definitionFor } from './reporting-questions';

const READER_ANSWER: Record<string, (value: unknown) => string> = {
  'yes-no': (v) => (v === true ? 'Yes' : v === false ? 'No' : 'Not answered'),
  list: (v) => (Array.isArray(v) && v.length ? v.join('; ') : 'None given'),
  text: (v) => (typeof v === 'string' && v ? v : 'Not answered'),
};

/** Asking agencies for their reports, chasing them, and reading what they returned. */
@Permission(...CASE_READERS)
@WebController('child-deaths')
export class ReportingRequestPagesController {
  constructor(
    private readonly information: InformationGatheringService,
    private readonly query: CaseQueryService,
  ) {}

  @Get(':caseId/reporting-requests/new')
  @Permission('cdop-admin', 'designated-doctor')
  async newRequests(
    @Param('caseId', CaseIdPipe) caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    this.renderNew(res, 200, await this.query.view(user, caseId), {});
  }

  @Post(':caseId/reporting-requests/new')
  @Permission('cdop-admin', 'designated-doctor')
  async request(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const view = await this.query.view(user, caseId);
    const chosen = many(body.recipients)
      .map((i) => view.professionals[Number(i)])
      .filter(Boolean);
    const others = parseProfessionals(typeof body.others === 'string' ? body.others : '');
    const errors: { field: string; text: string }[] = [];
    if ('error' in others) errors.push({ field: 'others', text: others.error });
    const recipients = [...chosen, ...('people' in others ? others.people : [])];
    if (!recipients.length && !errors.length)
      errors.push({ field: 'recipients', text: 'Select who to ask for a report' });
    const supplementary = typeof body.supplementaryType === 'string' ? body.supplementaryType : '';
    if (errors.length) return this.renderNew(res, 400, view, body, formErrors(errors));
    try {
      const issued = await this.information.requestForms(user, view.id, {
        requests: recipients.flatMap((recipient) => [
          { kind: 'reporting' as const, recipient, sendLink: true },
          ...(supplementary
            ? [
                {
                  kind: 'supplementary' as const,
                  supplementaryType: supplementary,
                  recipient,
                  sendLink: true,
                },
              ]
            : []),
        ]),
        ...(typeof body.version === 'string' ? { version: Number(body.version) } : {}),
      });
      this.renderLinks(res, view, 'Reports asked for', issued);
    } catch (error) {
      return this.renderNew(res, 400, view, body, pageErrors(error, {}, 'recipients'));
    }
  }

  @Post(':caseId/reporting-requests/chase')
  @Permission('cdop-admin')
  async chase(
    @Param('caseId', CaseIdPipe) caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const view = await this.query.view(user, caseId);
    const outstanding = view.reportingRequests.filter((r) => !r.returnedAt).map((r) => r.id);
    if (!outstanding.length) return res.redirect(303, `/child-deaths/${view.id}#reports`);
    const chased = await this.information.chase(user, view.id, {
      requestIds: outstanding,
      reissueLinks: true,
    });
    this.renderLinks(res, view, 'Outstanding reports chased', chased);
  }

  @Get(':caseId/reporting-requests/:requestId')
  async returned(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('requestId', idPipe('reporting form')) requestId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const view = await this.query.view(user, caseId);
    const request = (await this.information.listRequests(user, view.id)).find((r) => r.id === requestId);
    if (!request?.returnedAt) return res.redirect(303, `/child-deaths/${view.id}#reports`);
    res.render('child-deaths/returned-form.njk', {
      pageTitle: `${request.title} – ${view.reference}`,
      caseView: view,
      request,
      rows: definitionFor(request).map((q) => ({
        key: { text: q.label },
        value: { text: READER_ANSWER[q.type](request.answers?.[q.key]) },
      })),
    });
  }

  private renderNew(
    res: Response,
    status: number,
    view: CaseView,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const asked = new Set(
      view.reportingRequests.map((r) => `${r.recipient.name}|${r.recipient.organisation}`),
    );
    res.status(status).render('child-deaths/request-forms.njk', {
      pageTitle: `Ask agencies for reports – ${view.reference}`,
      caseView: view,
      values,
      errors,
      recipients: view.professionals.map((p, i) => ({
        value: String(i),
        text: `${p.name}, ${p.role}, ${p.organisation}`,
        hint: asked.has(`${p.name}|${p.organisation}`) ? { text: 'Already asked' } : undefined,
        checked: many(values.recipients).includes(String(i)),
      })),
      supplementary: selectItems(
        SUPPLEMENTARY_FORM_TYPES.map((t) => ({ value: t.code, text: t.label })),
        values.supplementaryType,
        'No supplementary form',
      ),
    });
  }

  private renderLinks(res: Response, view: CaseView, title: string, issued: IssuedRequestView[]) {
    res.render('child-deaths/requests-sent.njk', {
      pageTitle: `${title} – ${view.reference}`,
      title,
      caseView: view,
      issued,
    });
  }
}

/** Completing a reporting form: with the single-use link (no account), or signed in as the agency asked. */
@WebController('reporting-forms')
export class ReportingFormPagesController {
  constructor(private readonly forms: ReportingFormsService) {}

  @Get()
  @NavItem({ text: 'Reporting forms', href: '/reporting-forms', roles: NOTIFIERS_OUTSIDE_CDOPS, order: 22 })
  @Permission(...AGENCY_STAFF)
  async mine(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    res.render('child-deaths/my-reporting-forms.njk', {
      pageTitle: 'Reporting forms asked of your organisation',
      requests: await this.forms.mine(user),
    });
  }

  @Get('requests/:requestId')
  @Permission(...AGENCY_STAFF)
  async openSignedIn(
    @Param('requestId', idPipe('reporting form')) requestId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    this.renderForm(
      res,
      200,
      await this.forms.openForUser(user, requestId),
      `/reporting-forms/requests/${requestId}`,
      {},
    );
  }

  @Post('requests/:requestId')
  @Permission(...AGENCY_STAFF)
  async returnSignedIn(
    @Param('requestId', idPipe('reporting form')) requestId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const form = await this.forms.openForUser(user, requestId);
    try {
      await this.forms.returnForUser(user, requestId, { answers: answersFrom(form, body) });
      this.renderReturned(res, form);
    } catch (error) {
      this.renderForm(
        res,
        400,
        form,
        `/reporting-forms/requests/${requestId}`,
        body,
        pageErrors(error, answerFields(form), 'answers'),
      );
    }
  }

  @Get('by-link')
  @Public()
  async openByLink(@Query('token') token: unknown, @Res() res: Response) {
    const form = await this.forms.openByLink(typeof token === 'string' ? token : '');
    this.renderForm(res, 200, form, '/reporting-forms/by-link', { token });
  }

  @Post('by-link')
  @Public()
  async returnByLink(@Body() body: Record<string, unknown>, @Res() res: Response) {
    const token = typeof body.token === 'string' ? body.token : '';
    const form = await this.forms.openByLink(token);
    try {
      await this.forms.returnByLink(token, { answers: answersFrom(form, body) });
      this.renderReturned(res, form);
    } catch (error) {
      this.renderForm(
        res,
        400,
        form,
        '/reporting-forms/by-link',
        body,
        pageErrors(error, answerFields(form), 'answers'),
      );
    }
  }

  private renderForm(
    res: Response,
    status: number,
    form: ReportingFormView,
    action: string,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    res.status(status).render('child-deaths/reporting-form.njk', {
      pageTitle: `${form.title} – case ${form.caseReference}`,
      form,
      action,
      token: typeof values.token === 'string' ? values.token : undefined,
      values,
      errors,
      fields: form.questions.map((q) => questionField(q, values)),
    });
  }

  private renderReturned(res: Response, form: ReportingFormView) {
    res.render('confirmation.njk', {
      pageTitle: 'Reporting form returned',
      title: 'Reporting form returned',
      reference: form.caseReference,
      referenceLabel: 'Case reference',
      paragraphs: [
        'Thank you. The child death overview panel has your report. If you used a link, it no longer opens the form.',
      ],
      links: [],
    });
  }
}

function questionField(q: ReportingFormSection, values: Record<string, unknown>): FormField {
  const name = `answers.${q.key}`;
  if (q.type === 'yes-no')
    return { kind: 'radios', name, label: q.label, inline: true, items: yesNoItems(values[name]) };
  return {
    kind: 'textarea',
    name,
    label: q.label,
    ...(q.hint ? { hint: q.hint } : {}),
    rows: q.type === 'list' ? 4 : 6,
  };
}

/** The page's answers in the shape of the form version asked: text, yes/no, or one item per line. */
function answersFrom(form: ReportingFormView, body: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of form.questions) {
    const raw = body[`answers.${q.key}`];
    if (q.type === 'yes-no') {
      if (raw === 'yes' || raw === 'no') answers[q.key] = raw === 'yes';
    } else if (q.type === 'list') {
      const items = lines(raw);
      if (items.length) answers[q.key] = items;
    } else if (typeof raw === 'string' && raw.trim()) {
      answers[q.key] = raw.trim();
    }
  }
  return answers;
}

function answerFields(form: ReportingFormView) {
  return Object.fromEntries(
    form.questions.map((q) => [`answers.${q.key}`, { field: `answers.${q.key}`, label: q.label }]),
  );
}
