import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { CASE_WORKERS, CaseStore, FieldChanges } from './case-store.service';
import { changesBetween, snapshot } from './changes';
import type {
  AbuseOrNeglectDto,
  ChaseDto,
  InvestigationsDto,
  LookedAfterReferralDto,
  RequestFormsDto,
} from './dto/information.dto';
import type { Investigations } from './entities/case-records';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { ChildDeathNotification } from './entities/notification.entity';
import { ReportingRequest } from './entities/reporting-request.entity';
import { reportingFormInUseOn } from './forms/reporting-forms';
import { NoticesService } from './notices.service';
import { assertOrganisationTypes, organisationsById } from './organisations-lookup';
import { reconciledView } from './reconciled-view';
import { issueLink, reportingFormLinkPath } from './reporting-links';
import { reportingFormTitle, ReportingRequestView, toReportingRequestView } from './reporting-request-view';
import type { PauseReason } from './rules/case-lifecycle';
import { referralChild, SeriousIncidentLinks } from './serious-incident-links.service';
import { CaseLifecycleService } from './case-lifecycle.service';

/** A request as just issued: with a link, its token is shown this once (for API clients) and never again. */
export type IssuedRequestView = ReportingRequestView & {
  link?: string;
  linkUrl?: string;
  linkToken?: string;
};

/**
 * Information gathering (WT 439, 446): reporting forms from each agency that knew the child, the
 * proceedings that hold up the review, and the one action for evidence of abuse or neglect (WT 452).
 */
@Injectable()
export class InformationGatheringService {
  constructor(
    private readonly store: CaseStore,
    private readonly clocks: CaseClocks,
    private readonly notices: NoticesService,
    private readonly links: SeriousIncidentLinks,
    private readonly lifecycle: CaseLifecycleService,
    private readonly config: AppConfig,
  ) {}

  /** Asks each agency for its form; each request starts its own CDR-AGENCY-RETURN clock. */
  async requestForms(
    user: AuthenticatedUser,
    caseId: string,
    body: RequestFormsDto,
  ): Promise<IssuedRequestView[]> {
    const problems = body.requests.flatMap((r, i) =>
      r.kind === 'supplementary' && !r.supplementaryType
        ? [`requests[${i}].supplementaryType: choose the supplementary form to send`]
        : r.kind === 'reporting' && r.supplementaryType
          ? [`requests[${i}].supplementaryType: only a supplementary form has a type`]
          : [],
    );
    if (problems.length) throw new BadRequestException(problems);
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      const agencies = await organisationsById(
        m,
        body.requests.map((r) => r.agencyOrganisationId ?? ''),
      );
      const unknown = body.requests.flatMap((r, i) =>
        r.agencyOrganisationId && !agencies.has(r.agencyOrganisationId)
          ? [`requests[${i}].agencyOrganisationId: no organisation has this id`]
          : [],
      );
      if (unknown.length) throw new BadRequestException(unknown);
      const now = this.store.now();
      const today = this.store.today();
      const definition = reportingFormInUseOn(today);
      const issued: IssuedRequestView[] = [];
      for (const r of body.requests) {
        const withLink = r.sendLink ?? !r.agencyOrganisationId;
        const link = withLink ? issueLink(now) : null;
        const repo = m.getRepository(ReportingRequest);
        const request = await repo.save(
          repo.create({
            caseId: c.id,
            kind: r.kind,
            supplementaryType: r.supplementaryType ?? null,
            recipient: { ...r.recipient },
            agencyOrganisationId: r.agencyOrganisationId ?? null,
            requestedByUserId: user.id,
            requestedAt: now,
            // Replaced at once by the clock's due date, which honours the CDOP's local default.
            dueDate: today,
            linkTokenHash: link?.tokenHash ?? null,
            linkExpiresAt: link?.expiresAt ?? null,
            formVersion: definition.version,
          }),
        );
        const clock = await this.clocks.start(m, c, 'CDR-AGENCY-RETURN', { instant: now }, request.id);
        request.dueDate = clock.dueDate;
        await repo.save(request);
        await this.tellAgency(m, c, request, `requested:${request.id}`);
        issued.push({
          ...toReportingRequestView(request, today),
          ...(link ? this.linkFields(link.token) : {}),
        });
      }
      const moved = this.store.advance(c, 'information-gathering', user, false);
      await this.store.save(m, user, c, 'reporting-forms-requested', moved, {
        requestIds: issued.map((r) => r.id),
      });
      return issued;
    });
  }

  async listRequests(user: AuthenticatedUser, caseId: string): Promise<ReportingRequestView[]> {
    const c = await this.store.read(user, caseId, 'reporting-requests');
    const requests = await this.store.dataSource
      .getRepository(ReportingRequest)
      .find({ where: { caseId: c.id }, order: { requestedAt: 'ASC' } });
    return requests.map((r) => toReportingRequestView(r, this.store.today()));
  }

  /** Chases outstanding forms from one screen: a reminder to the agency, and a fresh link where asked. */
  async chase(user: AuthenticatedUser, caseId: string, body: ChaseDto): Promise<IssuedRequestView[]> {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, ['cdop-admin']);
      const repo = m.getRepository(ReportingRequest);
      const requests = await repo.find({
        where: { id: In(body.requestIds), caseId: c.id },
        lock: { mode: 'pessimistic_write' },
      });
      const missing = body.requestIds.filter((id) => !requests.some((r) => r.id === id));
      if (missing.length)
        throw new BadRequestException(missing.map((id) => `requestIds: ${id} is not a request on this case`));
      const returned = requests.filter((r) => r.returnedAt);
      if (returned.length) {
        throw new ConflictException(
          `${returned.length} of these forms ${returned.length === 1 ? 'has' : 'have'} already been returned`,
        );
      }
      const now = this.store.now();
      const chased: IssuedRequestView[] = [];
      for (const request of requests) {
        request.lastChasedAt = now;
        request.chaseCount += 1;
        const link =
          body.reissueLinks || (request.linkExpiresAt && request.linkExpiresAt < now) ? issueLink(now) : null;
        if (link) {
          request.linkTokenHash = link.tokenHash;
          request.linkExpiresAt = link.expiresAt;
        }
        const saved = await repo.save(request);
        await this.tellAgency(m, c, saved, `chased:${saved.id}:${saved.chaseCount}`);
        chased.push({
          ...toReportingRequestView(saved, this.store.today()),
          ...(link ? this.linkFields(link.token) : {}),
        });
      }
      await this.store.save(
        m,
        user,
        c,
        'reporting-forms-chased',
        {},
        { requestIds: chased.map((r) => r.id) },
      );
      return chased;
    });
  }

  /** Post-mortem, coroner and inquest, criminal investigation; these can pause the CDRM and review clocks. */
  async recordInvestigations(user: AuthenticatedUser, caseId: string, body: InvestigationsDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      const today = this.store.today();
      const future = [
        ['postMortem.reportReceivedOn', body.postMortem?.reportReceivedOn],
        ['coroner.inquestConcludedOn', body.coroner?.inquestConcludedOn],
      ].filter(([, date]) => date && date > today);
      if (future.length)
        throw new BadRequestException(future.map(([field]) => `${field}: cannot be in the future`));
      if (body.postMortem?.status === 'report-received' && !body.postMortem.reportReceivedOn) {
        throw new BadRequestException(['postMortem.reportReceivedOn: give the date the report was received']);
      }
      const before = snapshot(c, ['investigations']);
      const next: Investigations = { ...c.investigations };
      if (body.postMortem) next.postMortem = body.postMortem as Investigations['postMortem'];
      if (body.coroner) next.coroner = body.coroner as Investigations['coroner'];
      if (body.criminalInvestigation) {
        next.criminalInvestigation = body.criminalInvestigation as Investigations['criminalInvestigation'];
      }
      c.investigations = next;
      let paused: FieldChanges = {};
      if (body.pause) {
        const reason = pauseReasonFor(next);
        if (!reason) {
          throw new BadRequestException([
            'pause: no post-mortem, inquest or criminal investigation is recorded as running',
          ]);
        }
        paused = await this.lifecycle.pauseWithin(m, c, reason);
      }
      return this.store.save(m, user, c, 'investigations-recorded', {
        ...changesBetween(before, snapshot(c, ['investigations'])),
        ...paused,
      });
    });
  }

  async abuseOrNeglect(user: AuthenticatedUser, caseId: string, body: AbuseOrNeglectDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      await assertOrganisationTypes(m, [
        { field: 'localAuthorityId', id: body.localAuthorityId, type: 'local-authority' },
      ]);
      const localAuthorityId = await this.links.localAuthorityFor(m, c, body.localAuthorityId);
      if (!localAuthorityId) {
        throw new BadRequestException([
          'localAuthorityId: name the local authority to refer to; the case does not say where the child lived',
        ]);
      }
      const now = this.store.now();
      const { incidentId, changes } = await this.links.referAbuseOrNeglect(
        m,
        c,
        user,
        await this.childOf(m, c),
        {
          today: this.store.today(),
          at: now,
          localAuthorityId,
          summary: body.summary.trim(),
        },
      );
      const saved = await this.store.save(m, user, c, 'abuse-or-neglect-referred', changes, { incidentId });
      return { caseId: saved.id, version: saved.version, incidentId, localAuthorityId, referredAt: now };
    });
  }

  /** Opens the looked after child's notification once the local authority is known (WT 381). */
  async lookedAfterReferral(user: AuthenticatedUser, caseId: string, body: LookedAfterReferralDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      await assertOrganisationTypes(m, [
        { field: 'localAuthorityId', id: body.localAuthorityId, type: 'local-authority' },
      ]);
      if (!this.links.lookedAfterLinkPending(c)) {
        throw new ConflictException(
          c.lookedAfter
            ? 'The serious incident notification has already been opened'
            : 'The child is not recorded as looked after',
        );
      }
      const changes = await this.links.ensureLookedAfterLink(
        m,
        c,
        user,
        await this.childOf(m, c),
        { today: this.store.today(), at: this.store.now() },
        body.localAuthorityId,
      );
      return this.store.save(m, user, c, 'looked-after-referred', changes);
    });
  }

  private async childOf(m: EntityManager, c: ChildDeathCase) {
    const notifications = await m.getRepository(ChildDeathNotification).find({ where: { caseId: c.id } });
    return referralChild(reconciledView(notifications).answers);
  }

  private async tellAgency(
    m: EntityManager,
    c: ChildDeathCase,
    request: ReportingRequest,
    key: string,
  ): Promise<void> {
    if (!request.agencyOrganisationId) return;
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM app_user WHERE active AND $1 = ANY(organisation_ids) AND NOT ('reviewer' = ANY(roles))`,
      [request.agencyOrganisationId],
    );
    await this.notices.send(
      m,
      rows.map((r) => r.id),
      {
        caseId: c.id,
        kind: 'reporting-form-requested',
        key,
        message: `${reportingFormTitle(request)} requested for child death case ${c.reference}, due ${request.dueDate}.`,
        link: `/reporting-forms/requests/${request.id}`,
      },
    );
  }

  private linkFields(token: string): { link: string; linkUrl: string; linkToken: string } {
    const link = reportingFormLinkPath(token);
    return { link, linkUrl: `${this.config.publicUrl}${link}`, linkToken: token };
  }
}

/** The pause reason for the proceedings now running, most pressing first. */
export function pauseReasonFor(i: Investigations): PauseReason | null {
  if (i.criminalInvestigation?.status === 'ongoing' || i.criminalInvestigation?.status === 'prosecution') {
    return 'criminal-investigation-or-prosecution';
  }
  if (i.coroner?.inquest === 'opened') return 'inquest';
  if (i.postMortem?.status === 'awaited') return 'post-mortem-awaited';
  return null;
}
