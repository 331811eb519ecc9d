import { Body, ForbiddenException, Get, NotFoundException, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { FormErrors, formErrors } from '../../web/forms/form';
import { WebController } from '../../web/shell/web-controller';
import { CaseQueryService } from '../case-query.service';
import type { CaseView } from '../case-view';
import { CASE_READERS, CaseIdPipe, idPipe } from '../ids';
import { CaseForms } from './case-forms';
import { CaseFormSpec, FormExtra, versionOf } from './form-page';
import { pageErrors } from './page-errors';

/**
 * The short forms about a case (decisions, the key worker, the family, investigations, meetings, the
 * later steps), each a GET showing it and a POST acting on it, then back to the case page.
 */
@Permission(...CASE_READERS)
@WebController('child-deaths')
export class CaseFormsController {
  constructor(
    private readonly forms: CaseForms,
    private readonly query: CaseQueryService,
  ) {}

  @Get(':caseId/review-meetings/:meetingId/held')
  showHeld(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('meetingId', idPipe('meeting')) meetingId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.show('held', caseId, user, res, { meetingId });
  }

  @Post(':caseId/review-meetings/:meetingId/held')
  submitHeld(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('meetingId', idPipe('meeting')) meetingId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.submit('held', caseId, body, user, res, { meetingId });
  }

  @Get(':caseId/:group/:form')
  showNested(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('group') group: string,
    @Param('form') form: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.show(`${group}/${form}`, caseId, user, res, {});
  }

  @Post(':caseId/:group/:form')
  submitNested(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('group') group: string,
    @Param('form') form: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.submit(`${group}/${form}`, caseId, body, user, res, {});
  }

  @Get(':caseId/:form')
  showForm(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('form') form: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.show(form, caseId, user, res, {});
  }

  @Post(':caseId/:form')
  submitForm(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('form') form: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.submit(form, caseId, body, user, res, {});
  }

  private async show(name: string, caseId: string, user: AuthenticatedUser, res: Response, extra: FormExtra) {
    const spec = await this.specFor(name, user);
    const view = await this.query.view(user, caseId);
    this.render(res, 200, spec, view, spec.initial?.(view, extra) ?? {}, extra);
  }

  private async submit(
    name: string,
    caseId: string,
    body: Record<string, unknown>,
    user: AuthenticatedUser,
    res: Response,
    extra: FormExtra,
  ) {
    const spec = await this.specFor(name, user);
    const view = await this.query.view(user, caseId);
    const posted = { ...extra, version: versionOf(body) };
    const read = spec.read(body, view, posted);
    if ('errors' in read)
      return this.render(
        res,
        400,
        spec,
        view,
        body,
        posted,
        formErrors(read.errors, { anchors: anchors(spec, view, body, posted) }),
      );
    try {
      await spec.submit(user, view, read.value, posted);
    } catch (error) {
      return this.render(
        res,
        400,
        spec,
        view,
        body,
        posted,
        pageErrors(error, spec.fieldMap, spec.fallback, anchors(spec, view, body, posted)),
      );
    }
    res.redirect(303, `/child-deaths/${view.id}?done=${spec.done}#${spec.section}`);
  }

  private async specFor(name: string, user: AuthenticatedUser): Promise<CaseFormSpec<never>> {
    const spec = this.forms.spec(name);
    if (!spec) throw new NotFoundException('Page not found');
    if (!spec.roles.some((role) => user.roles.includes(role))) {
      throw new ForbiddenException('You do not have permission to do this on this case');
    }
    await this.forms.refreshOrganisations();
    return spec;
  }

  private render(
    res: Response,
    status: number,
    spec: CaseFormSpec<never>,
    view: CaseView,
    values: Record<string, unknown>,
    extra: FormExtra,
    errors?: FormErrors,
  ) {
    res.status(status).render('child-deaths/form.njk', {
      pageTitle: `${spec.heading} – ${view.reference}`,
      caseView: view,
      heading: spec.heading,
      intro: spec.intro?.(view) ?? [],
      warnings: spec.warnings?.(view) ?? [],
      action: `/child-deaths/${view.id}/${spec.path(extra)}`,
      fields: spec.fields(view, values, extra),
      values,
      errors,
      version: extra.version ?? spec.formVersion?.(view) ?? view.version,
      submitText: spec.submitText,
    });
  }
}

/** Errors on a date field link to its day box, and on a choice to its first option. */
function anchors(
  spec: CaseFormSpec<never>,
  view: CaseView,
  values: Record<string, unknown>,
  extra: FormExtra,
): Record<string, string> {
  return Object.fromEntries(
    spec
      .fields(view, values, extra)
      .filter((f) => f.kind === 'date' || f.kind === 'radios' || f.kind === 'checkboxes')
      .map((f) => [f.name, f.kind === 'date' ? `${f.name}-day` : f.name]),
  );
}
