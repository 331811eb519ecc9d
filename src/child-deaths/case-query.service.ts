import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { DeadlineView } from '../deadlines/deadline-view';
import { AccessService } from '../identity/access.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { CaseStore } from './case-store.service';
import { AnalysisForm } from './entities/analysis-form.entity';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { FamilyContact } from './entities/family-contact.entity';
import { ChildDeathNotification } from './entities/notification.entity';
import { ReportingRequest } from './entities/reporting-request.entity';
import { ReviewMeeting } from './entities/review-meeting.entity';
import { organisationsById } from './organisations-lookup';
import { CaseView, toCaseView, toCaseSummary, CaseSummary } from './case-view';
import { CaseState } from './rules/case-lifecycle';
import { normaliseNhsNumber } from './rules/nhs-number';
import { SeriousIncidentLinks } from './serious-incident-links.service';

export interface CaseListFilter {
  state?: CaseState;
  /** A reference, an NHS number or part of a name. */
  q?: string;
  cdopId?: string;
  limit?: number;
  offset?: number;
}

/** Reading child death cases: one case in full, or a list scoped to what the caller may see. */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly store: CaseStore,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clocks: CaseClocks,
    private readonly links: SeriousIncidentLinks,
  ) {}

  async view(user: AuthenticatedUser, caseId: string): Promise<CaseView> {
    const c = await this.store.read(user, caseId);
    return this.build(c);
  }

  /** The full view without a scope check or audit: for callers that have done both (PDF and pack renderers). */
  async build(c: ChildDeathCase): Promise<CaseView> {
    const m = this.store.dataSource.manager;
    const [notifications, contacts, meetings, requests, analysis] = await Promise.all([
      m.getRepository(ChildDeathNotification).find({ where: { caseId: c.id }, order: { notifiedAt: 'ASC' } }),
      m
        .getRepository(FamilyContact)
        .find({ where: { caseId: c.id }, order: { contactedOn: 'ASC', createdAt: 'ASC' } }),
      m.getRepository(ReviewMeeting).find({ where: { caseId: c.id }, order: { scheduledFor: 'ASC' } }),
      m.getRepository(ReportingRequest).find({ where: { caseId: c.id }, order: { requestedAt: 'ASC' } }),
      m.getRepository(AnalysisForm).findOneBy({ caseId: c.id }),
    ]);
    const organisations = await organisationsById(m, [
      c.owningCdopId,
      ...c.sharedWithCdopIds,
      c.residentLocalAuthorityId ?? '',
      c.placeOfDeathLocalAuthorityId ?? '',
    ]);
    return toCaseView({
      c,
      notifications,
      contacts,
      meetings,
      requests,
      analysis,
      organisations,
      today: this.store.today(),
      lookedAfterLinkPending: this.links.lookedAfterLinkPending(c),
    });
  }

  async deadlines(user: AuthenticatedUser, caseId: string): Promise<DeadlineView[]> {
    const c = await this.store.read(user, caseId, 'deadlines');
    return this.clocks.list(c.id);
  }

  /** Cases owned by or shared with the caller's organisations; each list is audited with its filter. */
  async list(
    user: AuthenticatedUser,
    filter: CaseListFilter,
  ): Promise<{ total: number; cases: CaseSummary[] }> {
    const visible = await this.access.visibleOrganisationIds(user);
    if (!visible.length || user.roles.every((role) => role === 'reviewer')) return { total: 0, cases: [] };
    const qb = this.store.dataSource
      .getRepository(ChildDeathCase)
      .createQueryBuilder('c')
      .where('c.mergedIntoCaseId IS NULL')
      .andWhere('(c.owningCdopId = ANY(:visible::uuid[]) OR c.sharedWithCdopIds && :visible::uuid[])', {
        visible,
      });
    if (filter.state) qb.andWhere('c.state = :state', { state: filter.state });
    if (filter.cdopId) {
      qb.andWhere('(c.owningCdopId = :cdop OR :cdop = ANY(c.sharedWithCdopIds))', { cdop: filter.cdopId });
    }
    const q = filter.q?.trim();
    if (q) {
      const digits = normaliseNhsNumber(q);
      qb.andWhere(
        new Brackets((w) => {
          w.where('upper(c.reference) = upper(:q)', { q });
          if (/^\d{10}$/.test(digits)) w.orWhere('c.nhsNumber = :digits', { digits });
          w.orWhere(`(coalesce(c.givenName, '') || ' ' || coalesce(c.familyName, '')) ILIKE :name`, {
            name: `%${q.replace(/[\\%_]/g, '\\$&')}%`,
          });
        }),
      );
    }
    const [rows, total] = await qb
      .orderBy('c.firstNotifiedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(Math.min(filter.limit ?? 50, 200))
      .skip(filter.offset ?? 0)
      .getManyAndCount();
    await this.audit.record({
      action: 'case.search',
      actor: user,
      // What was searched for stays out of the trail, as on the search page: that a search ran is what counts.
      details: { caseType: 'cdr', filter: { ...filter, q: q ? 'given' : undefined }, results: rows.length },
    });
    const organisations = await organisationsById(
      this.store.dataSource.manager,
      rows.map((c) => c.owningCdopId),
    );
    return { total, cases: rows.map((c) => toCaseSummary(c, organisations)) };
  }
}
