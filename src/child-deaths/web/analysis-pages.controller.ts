import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { FormErrors, formErrors } from '../../web/forms/form';
import { WebController } from '../../web/shell/web-controller';
import { AnalysisService, AnalysisView } from '../analysis.service';
import { CaseQueryService } from '../case-query.service';
import type { CaseView } from '../case-view';
import { CASE_READERS, CaseIdPipe } from '../ids';
import type { AnalysisDraft } from '../rules/analysis-form';
import { DEATH_CATEGORIES, deathCategoryLabel, isDeathCategoryNumber } from '../rules/death-categories';
import { analysisPageModel, readAnalysisPage } from './analysis-form.mapping';
import { radios, selectItems } from './options';
import { FieldMap, pageErrors } from './page-errors';
import { versionOf } from './form-page';

const FIELDS: FieldMap = {
  formVersion: { field: 'primaryCategory', label: 'Form version' },
  primaryCategory: { field: 'primaryCategory', label: 'Primary category' },
  modifiableFactors: { field: 'modifiableFactors', label: 'Modifiable factors' },
  causeOfDeath: { field: 'causeOfDeath', label: 'Cause of death' },
};

/** Short enough to leave the factor its room; the page explains each score above the tables. */
const SCORE_CHOICES = [
  { value: '0', text: '0: not available' },
  { value: '1', text: '1: unlikely to have contributed' },
  { value: '2', text: '2: may have contributed' },
];

const MODIFIABLE = {
  yes: 'Yes: modifiable factors were identified',
  no: 'No modifiable factors were identified',
  'insufficient-information': 'Insufficient information to decide',
};

/** The analysis form: drafted after the review meeting, sent to the CDOP, viewed by the panel. */
@Permission(...CASE_READERS)
@WebController('child-deaths')
export class AnalysisPagesController {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly query: CaseQueryService,
  ) {}

  @Get(':caseId/analysis')
  @Permission('designated-doctor', 'cdop-admin')
  async edit(
    @Param('caseId', CaseIdPipe) caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const view = await this.query.view(user, caseId);
    const form = await this.analysis.get(user, caseId);
    this.render(res, 200, view, form, { formVersion: form.formVersion, ...form.answers }, form.version);
  }

  @Post(':caseId/analysis')
  @Permission('designated-doctor', 'cdop-admin')
  async save(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const view = await this.query.view(user, caseId);
    const form = await this.analysis.get(user, caseId);
    const read = readAnalysisPage(form.definition, body);
    const version = versionOf(body);
    if ('errors' in read)
      return this.render(res, 400, view, form, postedDraft(form, body), version, formErrors(read.errors));
    try {
      await this.analysis.saveDraft(user, caseId, { ...read.value, ...(version ? { version } : {}) });
    } catch (error) {
      return this.render(
        res,
        400,
        view,
        form,
        read.value as AnalysisDraft,
        version,
        pageErrors(error, FIELDS, 'primaryCategory'),
      );
    }
    res.redirect(303, `/child-deaths/${caseId}/analysis/view?saved=1`);
  }

  @Get(':caseId/analysis/view')
  async show(
    @Param('caseId', CaseIdPipe) caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const view = await this.query.view(user, caseId);
    const form = await this.analysis.get(user, caseId);
    res.render('child-deaths/analysis-view.njk', {
      pageTitle: `Analysis form – ${view.reference}`,
      caseView: view,
      form,
      summary: analysisSummary(form),
      canSend:
        form.status === 'draft' &&
        view.status === 'cdrm-held' &&
        user.roles.some((r) => r === 'cdop-admin' || r === 'designated-doctor'),
      canEdit:
        form.status !== 'final' && user.roles.some((r) => r === 'cdop-admin' || r === 'designated-doctor'),
    });
  }

  @Post(':caseId/analysis/send')
  @Permission('designated-doctor', 'cdop-admin')
  async send(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    await this.analysis.sendToCdop(user, caseId, { version: versionOf(body) });
    res.redirect(303, `/child-deaths/${caseId}?done=analysis-sent#analysis`);
  }

  private render(
    res: Response,
    status: number,
    view: CaseView,
    form: AnalysisView,
    answers: AnalysisDraft,
    version: number | null | undefined,
    errors?: FormErrors,
  ) {
    const primary = answers.primaryCategory;
    const others = answers.otherCategories ?? [];
    res.status(status).render('child-deaths/analysis-edit.njk', {
      pageTitle: `Analysis form – ${view.reference}`,
      caseView: view,
      form,
      version: version ?? '',
      errors,
      model: analysisPageModel(form.definition, answers),
      scoreItems: (chosen: string) => selectItems(SCORE_CHOICES, chosen, 'Not identified'),
      modifiableItems: radios(MODIFIABLE, answers.modifiableFactors),
      primaryItems: selectItems(
        DEATH_CATEGORIES.map((c) => ({ value: String(c.number), text: `${c.number}. ${c.label}` })),
        primary === undefined ? '' : String(primary),
        'Select the primary category',
      ),
      otherItems: DEATH_CATEGORIES.map((c) => ({
        value: String(c.number),
        text: `${c.number}. ${c.label}`,
        checked: others.includes(c.number),
      })),
      referredItems: radios(
        { yes: 'Yes', no: 'No' },
        answers.referredToSafeguarding === undefined
          ? undefined
          : answers.referredToSafeguarding
            ? 'yes'
            : 'no',
      ),
      answers,
    });
  }
}

/** What was posted, enough to show the form again when it could not be read. */
function postedDraft(form: AnalysisView, body: Record<string, unknown>): AnalysisDraft {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  return {
    ...form.answers,
    causeOfDeath: text('causeOfDeath'),
    learningPoints: text('learningPoints')?.split(/\r?\n/),
  };
}

/** The analysis as the panel reads it, with the category names. */
export function analysisSummary(form: Pick<AnalysisView, 'answers' | 'definition'>) {
  const a = form.answers;
  const label = (n: unknown) => (isDeathCategoryNumber(n) ? `${n}. ${deathCategoryLabel(n)}` : 'Not chosen');
  return {
    domains: form.definition.domains.map((d) => ({
      label: `${d.domain}. ${d.label}`,
      factors: a.domains?.find((x) => x.domain === d.domain)?.factors ?? [],
    })),
    modifiable: a.modifiableFactors ? MODIFIABLE[a.modifiableFactors] : 'Not decided',
    primary: label(a.primaryCategory),
    others: (a.otherCategories ?? []).map(label),
    cause: a.causeOfDeath ?? 'Not recorded',
    icd10: (a.icd10Codes ?? []).join(', ') || 'None',
    learning: a.learningPoints ?? [],
    actions: a.actions ?? [],
    referred:
      a.referredToSafeguarding === undefined ? 'Not recorded' : a.referredToSafeguarding ? 'Yes' : 'No',
  };
}
