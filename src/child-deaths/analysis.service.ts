import {
  BadRequestException,
  ConflictException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertVersion } from '../common/optimistic-lock';
import type { AuthenticatedUser, Role } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { CaseStore } from './case-store.service';
import { changesBetween } from './changes';
import type { AnalysisDto, FinaliseAnalysisDto, SendAnalysisDto } from './dto/analysis.dto';
import { AnalysisForm } from './entities/analysis-form.entity';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { problemMessages } from './notification-checks';
import {
  analysisFormDefinition,
  analysisFormInUseOn,
  analysisWarnings,
  ANALYSIS_FORM_DEFINITIONS,
  AnalysisFormDefinition,
  missingForFinalise,
} from './rules/analysis-form';
import { FieldProblem } from './rules/field-problem';
import { TrackedActionsService } from './tracked-actions.service';
import { instantOn } from './when';

/** Drafted by the CDRM chair or the designated doctor (entered by the CDOP administrator for a chair without an account). */
const DRAFTERS: Role[] = ['designated-doctor', 'cdop-admin'];
/** Agreed by the CDOP at its review: its administrator records it, or the chair or a panel member. */
const FINALISERS: Role[] = ['cdop-admin', 'designated-doctor', 'cdop-panel-member'];

export interface AnalysisView {
  id: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  version: number | null;
  caseId: string;
  formVersion: string;
  status: AnalysisForm['status'] | 'not-started';
  answers: AnalysisForm['answers'];
  reviewedOn: string | null;
  sentToCdopAt: Date | null;
  finalisedAt: Date | null;
  /** What still stops the CDOP finalising it (the review date is given when finalising). */
  missing: FieldProblem[];
  warnings: FieldProblem[];
  definition: AnalysisFormDefinition;
}

function toView(caseId: string, form: AnalysisForm | null, today: string): AnalysisView {
  const formVersion = form?.formVersion ?? analysisFormInUseOn(today).version;
  const draft = { formVersion, ...(form?.answers ?? {}) };
  return {
    id: form?.id ?? null,
    createdAt: form?.createdAt ?? null,
    updatedAt: form?.updatedAt ?? null,
    version: form?.version ?? null,
    caseId,
    formVersion,
    status: form?.status ?? 'not-started',
    answers: form?.answers ?? {},
    reviewedOn: form?.reviewedOn ?? null,
    sentToCdopAt: form?.sentToCdopAt ?? null,
    finalisedAt: form?.finalisedAt ?? null,
    missing:
      form?.status === 'final' ? [] : missingForFinalise(draft).filter((p) => p.field !== 'reviewedOn'),
    warnings: analysisWarnings(draft),
    definition: analysisFormDefinition(formVersion) ?? analysisFormInUseOn(today),
  };
}

/** The analysis form (WT 453, 454): saved as a draft, sent to the CDOP, agreed and finalised at its review. */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly store: CaseStore,
    private readonly clocks: CaseClocks,
    private readonly actions: TrackedActionsService,
  ) {}

  async get(user: AuthenticatedUser, caseId: string): Promise<AnalysisView> {
    const c = await this.store.read(user, caseId, 'analysis');
    const form = await this.store.dataSource.getRepository(AnalysisForm).findOneBy({ caseId: c.id });
    return toView(c.id, form, this.store.today());
  }

  async saveDraft(user: AuthenticatedUser, caseId: string, body: AnalysisDto): Promise<AnalysisView> {
    const { version, formVersion: requested, ...answers } = body;
    const formVersion = requested ?? analysisFormInUseOn(this.store.today()).version;
    if (!analysisFormDefinition(formVersion)) {
      const known = ANALYSIS_FORM_DEFINITIONS.map((d) => d.version).join(', ');
      throw new BadRequestException([`formVersion: must be one of ${known}`]);
    }
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, DRAFTERS);
      this.store.assertOpen(c);
      const repo = m.getRepository(AnalysisForm);
      const existing = await repo.findOne({ where: { caseId: c.id }, lock: { mode: 'pessimistic_write' } });
      if (existing) assertVersion(existing, version, 'analysis form');
      if (existing?.status === 'final')
        throw new ConflictException('The CDOP has finalised this analysis form');
      const clean = JSON.parse(JSON.stringify(answers)) as AnalysisForm['answers'];
      const before = { formVersion: existing?.formVersion ?? null, ...(existing?.answers ?? {}) };
      const form = existing ?? repo.create({ caseId: c.id, status: 'draft', draftedByUserId: user.id });
      form.formVersion = formVersion;
      form.answers = clean;
      const saved = await repo.save(form);
      await this.store.save(m, user, c, 'analysis-saved', changesBetween(before, { formVersion, ...clean }), {
        analysisFormId: saved.id,
      });
      return toView(c.id, saved, this.store.today());
    });
  }

  /** The draft goes to the CDOP after the CDRM: meets CDR-DRAFT-ANALYSIS. */
  async sendToCdop(user: AuthenticatedUser, caseId: string, body: SendAnalysisDto): Promise<AnalysisView> {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, DRAFTERS);
      const form = await this.formForChange(m, c, body.version);
      if (form.status !== 'draft')
        throw new ConflictException('The analysis form has already gone to the CDOP');
      const moved = await this.send(m, c, form, user);
      await this.store.save(m, user, c, 'analysis-sent-to-cdop', moved, { analysisFormId: form.id });
      return toView(c.id, form, this.store.today());
    });
  }

  /**
   * The CDOP agrees the analysis at its review (WT 454): 422 lists whatever is missing. Meets
   * CDR-CDOP-REVIEW (and CDR-DRAFT-ANALYSIS if the draft had not been sent), starts CDR-NCMD-SUBMIT, and
   * turns the recommendations into tracked actions.
   */
  async finalise(user: AuthenticatedUser, caseId: string, body: FinaliseAnalysisDto): Promise<AnalysisView> {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, FINALISERS);
      return this.finaliseWithin(m, user, c, body);
    });
  }

  async finaliseWithin(
    m: EntityManager,
    user: AuthenticatedUser,
    c: ChildDeathCase,
    body: FinaliseAnalysisDto,
  ): Promise<AnalysisView> {
    const today = this.store.today();
    if (body.reviewedOn > today) throw new BadRequestException(['reviewedOn: cannot be in the future']);
    if (c.cdrmHeldOn && body.reviewedOn < c.cdrmHeldOn) {
      throw new BadRequestException(['reviewedOn: cannot be before the child death review meeting']);
    }
    const form = await m
      .getRepository(AnalysisForm)
      .findOne({ where: { caseId: c.id }, lock: { mode: 'pessimistic_write' } });
    if (form) assertVersion(form, body.version, 'analysis form');
    if (form?.status === 'final')
      throw new ConflictException('The CDOP has already finalised this analysis form');
    const missing = missingForFinalise({
      ...(form ? { formVersion: form.formVersion, ...form.answers } : {}),
      reviewedOn: body.reviewedOn,
    });
    if (!form || missing.length) {
      throw new UnprocessableEntityException({ message: problemMessages(missing), missing });
    }
    if (c.state !== 'cdrm-held' && c.state !== 'awaiting-cdop') {
      throw new ConflictException(
        'The analysis is finalised after the child death review meeting, once the draft is with the CDOP',
      );
    }
    const sent = form.status === 'draft' ? await this.send(m, c, form, user) : {};
    const moved = this.store.advance(c, 'reviewed-by-cdop', user, true);
    const now = this.store.now();
    form.status = 'final';
    form.reviewedOn = body.reviewedOn;
    form.finalisedAt = now;
    form.finalisedByUserId = user.id;
    const saved = await m.getRepository(AnalysisForm).save(form);
    c.cdopReviewedOn = body.reviewedOn;
    await this.clocks.meet(m, c, 'CDR-CDOP-REVIEW', instantOn(body.reviewedOn, today, now));
    await this.clocks.start(m, c, 'CDR-NCMD-SUBMIT', { date: body.reviewedOn });
    const actions = form.answers.actions ?? [];
    for (const action of actions) {
      await this.actions.create(m, c, {
        owner: action.owner!.trim(),
        description: action.description!.trim(),
        dueDate: action.dueDate!,
      });
    }
    await this.store.save(
      m,
      user,
      c,
      'analysis-finalised',
      { ...sent, ...moved, cdopReviewedOn: { before: null, after: body.reviewedOn } },
      { analysisFormId: form.id, actionsCreated: actions.length },
    );
    return toView(c.id, saved, today);
  }

  private async formForChange(m: EntityManager, c: ChildDeathCase, version?: number): Promise<AnalysisForm> {
    const form = await m
      .getRepository(AnalysisForm)
      .findOne({ where: { caseId: c.id }, lock: { mode: 'pessimistic_write' } });
    if (!form) throw new ConflictException('No analysis form has been drafted for this case');
    assertVersion(form, version, 'analysis form');
    return form;
  }

  private async send(m: EntityManager, c: ChildDeathCase, form: AnalysisForm, user: AuthenticatedUser) {
    if (c.state !== 'cdrm-held' && c.state !== 'awaiting-cdop') {
      throw new ConflictException(
        'The draft analysis goes to the CDOP after the child death review meeting is held',
      );
    }
    const now = this.store.now();
    const moved = this.store.advance(c, 'awaiting-cdop', user, true);
    form.status = 'sent-to-cdop';
    form.sentToCdopAt = now;
    await m.getRepository(AnalysisForm).save(form);
    await this.clocks.meet(m, c, 'CDR-DRAFT-ANALYSIS', now);
    return moved;
  }
}
