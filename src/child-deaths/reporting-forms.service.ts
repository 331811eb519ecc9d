import {
  BadRequestException,
  ConflictException,
  GoneException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { assertVersion } from '../common/optimistic-lock';
import { AccessService } from '../identity/access.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { CaseStore } from './case-store.service';
import type { ReturnFormDto } from './dto/information.dto';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { ReportingRequest } from './entities/reporting-request.entity';
import {
  reportingFormDefinition,
  reportingFormProblems,
  ReportingFormSection,
} from './forms/reporting-forms';
import { problemMessages } from './notification-checks';
import { hashLinkToken } from './reporting-links';
import { reportingFormTitle, ReportingRequestView, toReportingRequestView } from './reporting-request-view';

const REQUEST_NOT_FOUND = 'No reporting form with this id was found, or you do not have access to it';
const LINK_NOT_FOUND = 'This link does not open a reporting form. Ask the CDOP administrator for a new one.';

/** What someone completing a form sees: the questions, and only enough about the child to know who it is. */
export interface ReportingFormView extends ReportingRequestView {
  caseReference: string;
  child: { givenName: string | null; familyName: string | null; dateOfBirth: string; dateOfDeath: string };
  questions: readonly ReportingFormSection[];
}

type Access = { via: 'account'; user: AuthenticatedUser } | { via: 'link' };

/**
 * Agencies return their forms here (WT 439): signed in with an account of the agency asked, or through
 * the single-use link sent with the request, which opens that one form and nothing else.
 */
@Injectable()
export class ReportingFormsService {
  constructor(
    private readonly store: CaseStore,
    private readonly access: AccessService,
    private readonly clocks: CaseClocks,
  ) {}

  /** The forms asked of the caller's agencies, outstanding first. */
  async mine(user: AuthenticatedUser): Promise<ReportingRequestView[]> {
    if (!user.organisationIds.length) return [];
    const requests = await this.store.dataSource.getRepository(ReportingRequest).find({
      where: { agencyOrganisationId: In(user.organisationIds) },
      order: { returnedAt: { direction: 'DESC', nulls: 'FIRST' }, dueDate: 'ASC' },
      take: 500,
    });
    return requests.map((r) => toReportingRequestView(r, this.store.today(), false));
  }

  async openForUser(user: AuthenticatedUser, requestId: string): Promise<ReportingFormView> {
    return this.store.transaction(async (m) => {
      const { request, c } = await this.requestForUser(m, user, requestId);
      return this.open(m, request, c, { via: 'account', user });
    });
  }

  async returnForUser(
    user: AuthenticatedUser,
    requestId: string,
    body: ReturnFormDto,
  ): Promise<ReportingRequestView> {
    return this.store.transaction(async (m) => {
      const { request, c } = await this.requestForUser(m, user, requestId);
      assertVersion(request, body.version, 'reporting form');
      return this.return(m, request, c, body.answers, { via: 'account', user });
    });
  }

  async openByLink(token: string): Promise<ReportingFormView> {
    return this.store.transaction(async (m) => {
      const { request, c } = await this.requestForLink(m, token);
      return this.open(m, request, c, { via: 'link' });
    });
  }

  async returnByLink(token: string, body: ReturnFormDto): Promise<ReportingRequestView> {
    return this.store.transaction(async (m) => {
      const { request, c } = await this.requestForLink(m, token);
      assertVersion(request, body.version, 'reporting form');
      return this.return(m, request, c, body.answers, { via: 'link' });
    });
  }

  /** The agency asked, or the CDOP's own staff (who may enter a form that came by post). */
  private async requestForUser(m: EntityManager, user: AuthenticatedUser, requestId: string) {
    const found = await m.getRepository(ReportingRequest).findOneBy({ id: requestId });
    if (!found) throw new NotFoundException(REQUEST_NOT_FOUND);
    const { request, c } = await this.lockBoth(m, found);
    const ofTheAgency =
      request.agencyOrganisationId !== null && user.organisationIds.includes(request.agencyOrganisationId);
    if (!ofTheAgency) {
      const scope = this.store.scope(c);
      if (!(await this.access.canRead(user, scope))) throw new NotFoundException(REQUEST_NOT_FOUND);
      await this.access.assertCanAct(user, scope, ['cdop-admin']);
    }
    return { request, c };
  }

  private async requestForLink(m: EntityManager, token: string) {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundException(LINK_NOT_FOUND);
    const found = await m
      .getRepository(ReportingRequest)
      .createQueryBuilder('r')
      .where('r.link_token_hash = :hash', { hash: hashLinkToken(token) })
      .getOne();
    if (!found) throw new NotFoundException(LINK_NOT_FOUND);
    const { request, c } = await this.lockBoth(m, found);
    // A chase may have replaced the link while this request waited for the lock.
    const current: { hash: string | null }[] = await m.query(
      'SELECT link_token_hash AS hash FROM cdr_reporting_request WHERE id = $1',
      [request.id],
    );
    if (current[0]?.hash !== hashLinkToken(token)) throw new NotFoundException(LINK_NOT_FOUND);
    // Single use: once the form is returned the link opens nothing.
    if (request.returnedAt)
      throw new GoneException('This form has already been returned, so the link no longer works.');
    if (!request.linkExpiresAt || request.linkExpiresAt <= this.store.now()) {
      throw new GoneException('This link has expired. Ask the CDOP administrator for a new one.');
    }
    return { request, c };
  }

  /** Case first, then the request: the order every other change takes, so two never wait on each other. */
  private async lockBoth(m: EntityManager, found: ReportingRequest) {
    const c = await this.store.lock(m, found.caseId);
    const request = await m
      .getRepository(ReportingRequest)
      .findOneOrFail({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
    return { request, c };
  }

  private async open(
    m: EntityManager,
    request: ReportingRequest,
    c: ChildDeathCase,
    by: Access,
  ): Promise<ReportingFormView> {
    if (!request.openedAt && !request.returnedAt) {
      request.openedAt = this.store.now();
      await m.getRepository(ReportingRequest).save(request);
    }
    await this.audit(m, c, by, 'case.read', { view: 'reporting-form', requestId: request.id });
    const definition = reportingFormDefinition(request.formVersion)!;
    return {
      ...toReportingRequestView(request, this.store.today()),
      caseReference: c.reference,
      child: {
        givenName: c.givenName,
        familyName: c.familyName,
        dateOfBirth: c.dateOfBirth,
        dateOfDeath: c.dateOfDeath,
      },
      questions: definition[request.kind],
    };
  }

  private async return(
    m: EntityManager,
    request: ReportingRequest,
    c: ChildDeathCase,
    answers: Record<string, unknown>,
    by: Access,
  ): Promise<ReportingRequestView> {
    if (request.returnedAt)
      throw new ConflictException(
        `This ${reportingFormTitle(request).toLowerCase()} has already been returned`,
      );
    const definition = reportingFormDefinition(request.formVersion)!;
    const problems = reportingFormProblems(definition, request.kind, answers);
    if (problems.length) throw new BadRequestException(problemMessages(problems));
    const now = this.store.now();
    request.answers = answers;
    request.returnedAt = now;
    request.openedAt = request.openedAt ?? now;
    request.returnedVia = by.via;
    request.returnedByUserId = by.via === 'account' ? by.user.id : null;
    const saved = await m.getRepository(ReportingRequest).save(request);
    await this.clocks.meet(m, c, 'CDR-AGENCY-RETURN', now, request.id);
    await this.store.persist(m, c);
    await this.audit(m, c, by, 'case.update', {
      event: 'reporting-form-returned',
      requestId: request.id,
      via: by.via,
    });
    return toReportingRequestView(saved, this.store.today());
  }

  private audit(
    m: EntityManager,
    c: ChildDeathCase,
    by: Access,
    action: string,
    details: Record<string, unknown>,
  ) {
    return this.store.record(m, by.via === 'account' ? by.user : null, c, action, details);
  }
}
