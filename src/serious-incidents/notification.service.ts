import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/optimistic-lock';
import type { AuthenticatedUser } from '../identity/permissions';
import { AddIncidentChildDto, IncidentChildDto, UpdateIncidentChildDto } from './dto/child.dto';
import { CreateNotificationDto, ListIncidentsQuery, UpdateNotificationDto } from './dto/notification.dto';
import { IncidentAccess, NOTIFIER_ROLES, REVIEWER_INCIDENTS, UUID } from './incident-access.service';
import { IncidentChild } from './incident-child.entity';
import { IncidentClocks } from './incident-clocks.service';
import { routeOf } from './incident-facts';
import { IncidentOpening, NewChild } from './incident-opening.service';
import { incidentOrganisationIds } from './incident-organisations';
import { changesOf, loadBundle, loadView } from './incident-records';
import { IncidentView, stageOf } from './incident-view';
import { organisationsOfType } from './partnership-directory';
import { SeriousIncident } from './serious-incident.entity';

const NOTIFICATION_FIELDS = [
  'becameAwareOn',
  'incidentDate',
  'type',
  'otherRationale',
  'abuseOrNeglect',
  'location',
  'summary',
  'abuseCategories',
  'contextFactors',
  'perpetratorRelationship',
  'policeInvestigation',
  'widerRisk',
  'widerRiskDetails',
  'involvedLocalAuthorityIds',
  'leadLocalAuthorityId',
  'panelConsultedOn',
  'panelConsultationNotes',
] as const satisfies readonly (keyof SeriousIncident)[];

const CHILD_FIELDS = [
  'identityKnown',
  'givenName',
  'familyName',
  'dateOfBirth',
  'ageYears',
  'sex',
  'ethnicity',
  'disability',
  'legalStatus',
  'normallyResidentLocalAuthorityId',
  'knownToServices',
  'natureOfHarm',
] as const satisfies readonly (keyof IncidentChild)[];

function childInput(dto: IncidentChildDto): NewChild {
  return {
    identityKnown: dto.identityKnown,
    legalStatus: dto.legalStatus,
    givenName: dto.givenName?.trim() || null,
    familyName: dto.familyName?.trim() || null,
    dateOfBirth: dto.dateOfBirth ?? null,
    ageYears: dto.ageYears ?? null,
    sex: dto.sex ?? null,
    ethnicity: dto.ethnicity ?? null,
    disability: dto.disability ?? null,
    normallyResidentLocalAuthorityId: dto.normallyResidentLocalAuthorityId ?? null,
    knownToServices: dto.knownToServices ?? null,
    natureOfHarm: dto.natureOfHarm ?? null,
  };
}

/** Recording the notification and its children (WT 372–376), with the route kept up to date. */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly opening: IncidentOpening,
    private readonly clocks: IncidentClocks,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateNotificationDto, user: AuthenticatedUser): Promise<IncidentView> {
    const visible = await this.access.visibleOrganisationIds(user);
    if (!visible.includes(dto.localAuthorityId)) {
      throw new ForbiddenException('You can only notify for a local authority you work for');
    }
    return this.dataSource.transaction(async (m) => {
      const { children: _children, ...fields } = dto;
      const incident = m.create(SeriousIncident, {
        ...fields,
        localAuthorityId: dto.localAuthorityId,
        leadLocalAuthorityId: dto.leadLocalAuthorityId ?? dto.localAuthorityId,
        involvedLocalAuthorityIds: dto.involvedLocalAuthorityIds ?? [],
      });
      const children = (dto.children ?? []).map(childInput);
      await this.checkAreas(m, incident, children);
      const { incident: saved } = await this.opening.open(
        m,
        { ...fields, otherRationale: fields.otherRationale?.trim() || null },
        children,
        user,
        { from: 'notification' },
      );
      return loadView(m, saved);
    });
  }

  async list(user: AuthenticatedUser, query: ListIncidentsQuery) {
    const visible = await this.access.visibleOrganisationIds(user);
    const m = this.dataSource.manager;
    const qb = m
      .getRepository(SeriousIncident)
      .createQueryBuilder('i')
      .where(
        new Brackets((b) => {
          b.where(
            '(i.localAuthorityId = ANY(:visible::uuid[]) OR i.leadLocalAuthorityId = ANY(:visible::uuid[]) OR i.involvedLocalAuthorityIds && :visible::uuid[])',
            { visible: user.roles.some((r) => r !== 'reviewer') ? visible : [] },
          );
          if (user.roles.includes('reviewer')) {
            b.orWhere(`i.id IN (${REVIEWER_INCIDENTS})`, { me: user.id });
          }
        }),
      );
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.localAuthorityId) qb.andWhere('i.localAuthorityId = :la', { la: query.localAuthorityId });
    const filtered = await qb.orderBy('i.createdAt', 'DESC').limit(500).getMany();
    const rows = [];
    for (const incident of filtered) {
      const bundle = await loadBundle(m, incident);
      rows.push({
        id: incident.id,
        createdAt: incident.createdAt,
        updatedAt: incident.updatedAt,
        version: incident.version,
        reference: incident.reference,
        status: incident.status,
        stage: stageOf(incident, bundle.decision, bundle.rapidReview, bundle.lcspr),
        localAuthorityId: incident.localAuthorityId,
        becameAwareOn: incident.becameAwareOn,
        type: incident.type,
        route: bundle.decision.route,
        children: bundle.children.length,
        submittedOn: incident.submittedOn,
      });
    }
    await this.audit.record({
      action: 'case.list',
      actor: user,
      details: { caseType: 'si', count: rows.length },
    });
    return rows;
  }

  async get(id: string, user: AuthenticatedUser): Promise<IncidentView> {
    const m = this.dataSource.manager;
    const incident = await this.access.read(m, id, user);
    const view = await loadView(m, incident);
    await this.audit.record({
      action: 'case.read',
      actor: user,
      caseId: incident.id,
      organisationIds: incidentOrganisationIds(incident),
      details: { caseType: 'si', reference: incident.reference },
    });
    return view;
  }

  async update(id: string, dto: UpdateNotificationDto, user: AuthenticatedUser): Promise<IncidentView> {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, NOTIFIER_ROLES);
      assertVersion(incident, dto.version, 'notification');
      const before = { ...incident };
      const { version: _version, ...fields } = dto;
      Object.assign(incident, fields);
      if (fields.otherRationale !== undefined)
        incident.otherRationale = fields.otherRationale?.trim() || null;
      if (incident.type === 'other' && !incident.otherRationale) {
        throw new BadRequestException(['otherRationale is required when type is "other"']);
      }
      const children = await m.find(IncidentChild, { where: { incidentId: id } });
      await this.checkAreas(m, incident, children);
      const changes = changesOf(before, incident, NOTIFICATION_FIELDS);
      await this.afterChange(m, incident, user, { changes });
      return loadView(m, incident);
    });
  }

  async addChild(id: string, dto: AddIncidentChildDto, user: AuthenticatedUser): Promise<IncidentView> {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, NOTIFIER_ROLES);
      assertVersion(incident, dto.version, 'notification');
      const { version: _version, ...childDto } = dto;
      const existing = await m.find(IncidentChild, { where: { incidentId: id } });
      const child = m.create(IncidentChild, {
        ...childInput(childDto),
        incidentId: id,
        position: existing.reduce((max, c) => Math.max(max, c.position), 0) + 1,
      });
      await this.checkAreas(m, incident, [...existing, child]);
      await m.save(child);
      await this.afterChange(m, incident, user, { childAdded: child.position });
      return loadView(m, incident);
    });
  }

  /** Completes or corrects one child; fields not sent are kept as they were. */
  async updateChild(
    id: string,
    childId: string,
    dto: UpdateIncidentChildDto,
    user: AuthenticatedUser,
  ): Promise<IncidentView> {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, NOTIFIER_ROLES);
      const child = UUID.test(childId)
        ? await m.findOne(IncidentChild, { where: { id: childId, incidentId: id } })
        : null;
      if (!child) throw new NotFoundException('No child with this id on this incident');
      assertVersion(child, dto.version, 'child');
      const before = { ...child };
      const { version: _version, ...fields } = dto;
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        (child as unknown as Record<string, unknown>)[key] =
          typeof value === 'string' ? value.trim() || null : value;
      }
      if (child.legalStatus === null) throw new BadRequestException(['legalStatus must be recorded']);
      if (child.identityKnown === null)
        throw new BadRequestException(['identityKnown must be true or false']);
      const all = await m.find(IncidentChild, { where: { incidentId: id } });
      await this.checkAreas(
        m,
        incident,
        all.map((c) => (c.id === child.id ? child : c)),
      );
      await m.save(child);
      await this.afterChange(m, incident, user, {
        child: child.position,
        changes: changesOf(before, child, CHILD_FIELDS),
      });
      return loadView(m, incident);
    });
  }

  /**
   * After any change: a notification the DCS signed off but not yet submitted goes back to draft (the DCS
   * signed off what it said then), the clocks follow the route, and the change is audited.
   */
  private async afterChange(
    m: EntityManager,
    incident: SeriousIncident,
    user: AuthenticatedUser,
    details: Record<string, unknown>,
  ): Promise<void> {
    const signOffWithdrawn = incident.status === 'signed-off';
    if (signOffWithdrawn) {
      incident.status = 'draft';
      incident.signedOffAt = null;
      incident.signedOffByName = null;
      incident.signedOffByUserId = null;
    }
    incident.updatedAt = new Date();
    await m.save(incident);
    const children = await m.find(IncidentChild, { where: { incidentId: incident.id } });
    const decision = routeOf(incident, children);
    await this.clocks.applyRoute(m, incident, decision);
    if (incident.submittedOn && decision.clockRules.includes('SI-RAPID-REVIEW')) {
      await this.clocks.startRapidReview(m, incident);
    }
    await this.audit.record(
      {
        action: 'case.update',
        actor: user,
        caseId: incident.id,
        organisationIds: incidentOrganisationIds(incident),
        details: {
          caseType: 'si',
          ...details,
          route: decision.route,
          ...(signOffWithdrawn ? { signOffWithdrawn } : {}),
        },
      },
      m,
    );
  }

  /** Area ids must be local authorities; the lead must be the notifying area or one involved. */
  private async checkAreas(
    m: EntityManager,
    incident: Pick<
      SeriousIncident,
      'localAuthorityId' | 'leadLocalAuthorityId' | 'involvedLocalAuthorityIds'
    >,
    children: { normallyResidentLocalAuthorityId?: string | null }[],
  ): Promise<void> {
    const problems: string[] = [];
    const homes = children.map((c) => c.normallyResidentLocalAuthorityId).filter((id): id is string => !!id);
    const ids = [incident.localAuthorityId, ...incident.involvedLocalAuthorityIds, ...homes];
    const authorities = await organisationsOfType(m, ids, 'local-authority');
    if (!authorities.has(incident.localAuthorityId)) {
      problems.push('localAuthorityId must be the id of a local authority');
    }
    if (incident.involvedLocalAuthorityIds.some((id) => !authorities.has(id))) {
      problems.push('involvedLocalAuthorityIds must contain ids of local authorities');
    }
    if (homes.some((id) => !authorities.has(id))) {
      problems.push('normallyResidentLocalAuthorityId must be the id of a local authority');
    }
    const lead = incident.leadLocalAuthorityId;
    if (lead !== incident.localAuthorityId && !incident.involvedLocalAuthorityIds.includes(lead)) {
      problems.push(
        'leadLocalAuthorityId must be the notifying local authority or one of the areas involved',
      );
    }
    if (problems.length) throw new BadRequestException(problems);
  }
}
