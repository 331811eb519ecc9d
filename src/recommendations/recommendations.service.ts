import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { addDays, londonMidnight, parseIsoDate } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import { assertVersion } from '../common/optimistic-lock';
import { ClockNotFoundError, DeadlinesService } from '../deadlines/deadlines.service';
import type { ClockRuleId } from '../deadlines/rules/clock-rules';
import { Organisation } from '../identity/organisation.entity';
import type { AuthenticatedUser, Role } from '../identity/permissions';
import { IncidentAccess, PARTNERSHIP_ROLES, UUID } from '../serious-incidents/incident-access.service';
import { incidentOrganisationIds } from '../serious-incidents/incident-organisations';
import { nextReference } from '../serious-incidents/incident-reference';
import { notReady } from '../serious-incidents/incident-records';
import { NationalReview } from '../serious-incidents/national-review.entity';
import { actionStatus } from './action-status';
import { RecommendationAction } from './recommendation-action.entity';
import { Recommendation } from './recommendation.entity';
import {
  CompleteActionDto,
  CreateRecommendationDto,
  NewActionDto,
  ProgressUpdateDto,
  RecommendationQuery,
  UpdateActionDto,
} from './recommendations.dto';

const RECOMMENDATIONS_PAGE = '/recommendations';

function actionRule(recommendation: Recommendation): ClockRuleId {
  return recommendation.sourceType === 'cdop' ? 'CDR-ACTION-DUE' : 'SI-ACTION-DUE';
}

/** Actions due within this many days count as due soon on the tracker and in "My work". */
export const DUE_SOON_DAYS = 14;
const EDITORS: Role[] = [...PARTNERSHIP_ROLES, 'cdop-admin'];
/** Owners of actions report progress too: the agencies are partners, the local authority among them. */
const PROGRESS_REPORTERS: Role[] = [...EDITORS, 'la-notifier', 'dcs'];

interface Source {
  sourceId: string | null;
  sourceReference: string;
  organisationIds: string[];
  partnershipId: string | null;
}

/**
 * The recommendations and actions tracker across every review of a partnership (WT 403, 410–411):
 * from LCSPRs, rapid reviews, national reviews and CDOP reviews.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentAccess,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
    private readonly deadlines: DeadlinesService,
  ) {}

  async create(dto: CreateRecommendationDto, user: AuthenticatedUser) {
    return this.dataSource.transaction(async (m) => {
      const source = await this.resolveSource(m, dto, user);
      const recommendation = await m.save(
        m.create(Recommendation, {
          ...source,
          reference: await nextReference(m, 'REC', parseIsoDate(this.time.today()).year),
          sourceType: dto.sourceType,
          text: dto.text.trim(),
          themes: [...new Set(dto.themes ?? [])],
          madeOn: dto.madeOn,
          createdByUserId: user.id,
        }),
      );
      const actions = await m.save((dto.actions ?? []).map((a) => this.newAction(m, recommendation.id, a)));
      for (const action of actions) await this.startClock(m, recommendation, action);
      await this.record(m, user, recommendation, 'recommendation.create', { actions: actions.length });
      return this.view(recommendation, actions);
    });
  }

  async list(user: AuthenticatedUser, query: RecommendationQuery) {
    const visible = await this.visible(user);
    const qb = this.dataSource
      .getRepository(Recommendation)
      .createQueryBuilder('r')
      .where('r.organisationIds && :visible::uuid[]', { visible });
    if (query.sourceType) qb.andWhere('r.sourceType = :sourceType', { sourceType: query.sourceType });
    if (query.sourceId) qb.andWhere('r.sourceId = :sourceId', { sourceId: query.sourceId });
    if (query.theme) qb.andWhere(':theme = ANY(r.themes)', { theme: query.theme.trim().toLowerCase() });
    if (query.partnershipId) {
      const partnership = await this.dataSource.manager.findOne(Organisation, {
        where: { id: query.partnershipId },
      });
      const area = partnership
        ? [partnership.id, ...partnership.coversLocalAuthorityIds]
        : [query.partnershipId];
      qb.andWhere('r.organisationIds && :area::uuid[]', { area });
    }
    const recommendations = await qb.orderBy('r.madeOn', 'DESC').addOrderBy('r.reference', 'DESC').getMany();
    const actions = recommendations.length
      ? await this.dataSource.manager.find(RecommendationAction, {
          where: { recommendationId: In(recommendations.map((r) => r.id)) },
          order: { dueDate: 'ASC' },
        })
      : [];
    const agency = query.agency?.trim().toLowerCase();
    const views = recommendations
      .map((r) =>
        this.view(
          r,
          actions.filter((a) => a.recommendationId === r.id),
        ),
      )
      .map((v) => ({
        ...v,
        actions: v.actions.filter(
          (a) =>
            (!agency || a.ownerAgency.toLowerCase() === agency) &&
            (!query.status || a.status === query.status),
        ),
      }))
      .filter((v) => (!agency && !query.status) || v.actions.length > 0);
    await this.audit.record({ action: 'recommendation.list', actor: user, details: { count: views.length } });
    return views;
  }

  async get(id: string, user: AuthenticatedUser) {
    const m = this.dataSource.manager;
    const recommendation = await this.load(m, id, user, false);
    const actions = await m.find(RecommendationAction, {
      where: { recommendationId: id },
      order: { dueDate: 'ASC' },
    });
    await this.record(m, user, recommendation, 'recommendation.read', {}, false);
    return this.view(recommendation, actions);
  }

  async addAction(id: string, dto: NewActionDto, user: AuthenticatedUser) {
    return this.dataSource.transaction(async (m) => {
      const recommendation = await this.load(m, id, user, true, EDITORS);
      const action = await m.save(this.newAction(m, id, dto));
      await this.startClock(m, recommendation, action);
      await this.record(m, user, recommendation, 'recommendation.action-add', { actionId: action.id });
      return this.actionView(action);
    });
  }

  updateAction(actionId: string, dto: UpdateActionDto, user: AuthenticatedUser) {
    return this.changeAction(
      actionId,
      user,
      EDITORS,
      dto.version,
      'recommendation.action-update',
      (action) => {
        const before = { ...action };
        const { version: _version, ...fields } = dto;
        for (const [key, value] of Object.entries(fields)) {
          if (value !== undefined)
            (action as unknown as Record<string, unknown>)[key] =
              typeof value === 'string' ? value.trim() : value;
        }
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
          if (before[key] !== action[key]) changes[key] = { before: before[key], after: action[key] };
        }
        return { changes };
      },
    );
  }

  progress(actionId: string, dto: ProgressUpdateDto, user: AuthenticatedUser) {
    return this.changeAction(
      actionId,
      user,
      PROGRESS_REPORTERS,
      dto.version,
      'recommendation.action-progress',
      (action) => {
        if (action.completedOn) throw notReady(['This action is already completed.']);
        if (dto.on > this.time.today()) throw new BadRequestException(['on cannot be in the future']);
        action.progressUpdates = [
          ...action.progressUpdates,
          { on: dto.on, note: dto.note.trim(), rag: dto.rag, byUserId: user.id, byName: user.name },
        ];
        const before = action.rag;
        action.rag = dto.rag;
        return { rag: { before, after: dto.rag } };
      },
    );
  }

  complete(actionId: string, dto: CompleteActionDto, user: AuthenticatedUser) {
    return this.changeAction(
      actionId,
      user,
      EDITORS,
      dto.version,
      'recommendation.action-complete',
      (action) => {
        if (dto.completedOn > this.time.today())
          throw new BadRequestException(['completedOn cannot be in the future']);
        action.completedOn = dto.completedOn;
        action.evidenceOfImpact = dto.evidenceOfImpact.trim();
        action.rag = 'green';
        return { completedOn: dto.completedOn };
      },
    );
  }

  view(recommendation: Recommendation, actions: RecommendationAction[]) {
    const actionViews = actions.map((a) => this.actionView(a));
    return {
      id: recommendation.id,
      createdAt: recommendation.createdAt,
      updatedAt: recommendation.updatedAt,
      version: recommendation.version,
      reference: recommendation.reference,
      sourceType: recommendation.sourceType,
      sourceId: recommendation.sourceId,
      sourceReference: recommendation.sourceReference,
      partnershipId: recommendation.partnershipId,
      text: recommendation.text,
      themes: recommendation.themes,
      madeOn: recommendation.madeOn,
      status:
        actionViews.length > 0 && actionViews.every((a) => a.status === 'completed') ? 'completed' : 'open',
      actions: actionViews,
    };
  }

  actionView(action: RecommendationAction) {
    const today = this.time.today();
    return {
      id: action.id,
      createdAt: action.createdAt,
      updatedAt: action.updatedAt,
      version: action.version,
      recommendationId: action.recommendationId,
      description: action.description,
      ownerAgency: action.ownerAgency,
      ownerOrganisationId: action.ownerOrganisationId,
      dueDate: action.dueDate,
      rag: action.rag,
      status: actionStatus(action, today, addDays(today, DUE_SOON_DAYS)),
      progressUpdates: action.progressUpdates,
      evidenceOfImpact: action.evidenceOfImpact,
      completedOn: action.completedOn,
    };
  }

  /** Organisations whose recommendations the user may see; a reviewer sees none. */
  async visible(user: AuthenticatedUser): Promise<string[]> {
    if (!user.roles.some((r) => r !== 'reviewer')) return [];
    return this.incidents.visibleOrganisationIds(user);
  }

  private newAction(m: EntityManager, recommendationId: string, dto: NewActionDto): RecommendationAction {
    return m.create(RecommendationAction, {
      recommendationId,
      description: dto.description.trim(),
      ownerAgency: dto.ownerAgency.trim(),
      ownerOrganisationId: dto.ownerOrganisationId ?? null,
      dueDate: dto.dueDate,
      rag: dto.rag ?? 'green',
      progressUpdates: [],
    });
  }

  private async resolveSource(
    m: EntityManager,
    dto: CreateRecommendationDto,
    user: AuthenticatedUser,
  ): Promise<Source> {
    const need = (field: keyof CreateRecommendationDto, value: unknown) => {
      if (!value)
        throw new BadRequestException([`${field} is required for a ${dto.sourceType} recommendation`]);
    };
    const visible = await this.visible(user);
    switch (dto.sourceType) {
      case 'lcspr':
      case 'rapid-review': {
        need('sourceId', dto.sourceId);
        const incident = await this.incidents.act(m, dto.sourceId!, user, PARTNERSHIP_ROLES);
        const table =
          dto.sourceType === 'lcspr' ? `si_lcspr WHERE decision = 'lcspr' AND` : 'si_rapid_review WHERE';
        const found: unknown[] = await m.query(`SELECT 1 FROM ${table} incident_id = $1`, [incident.id]);
        if (!found.length) {
          throw notReady([
            dto.sourceType === 'lcspr'
              ? 'No LCSPR has been decided for this incident.'
              : 'No rapid review has been recorded for this incident.',
          ]);
        }
        return {
          sourceId: incident.id,
          sourceReference: incident.reference,
          organisationIds: incidentOrganisationIds(incident),
          partnershipId: incident.partnershipId,
        };
      }
      case 'national-review': {
        need('sourceId', dto.sourceId);
        need('partnershipId', dto.partnershipId);
        const review = await m.findOne(NationalReview, { where: { id: dto.sourceId! } });
        if (!review || !review.organisationIds.some((o) => visible.includes(o))) {
          throw new NotFoundException(
            'No national review with this id was found, or you do not have access to it',
          );
        }
        const partnership = await this.organisation(
          m,
          dto.partnershipId!,
          'safeguarding-partnership',
          visible,
        );
        return {
          sourceId: review.id,
          sourceReference: review.reference,
          organisationIds: [partnership.id, ...partnership.coversLocalAuthorityIds],
          partnershipId: partnership.id,
        };
      }
      case 'cdop': {
        need('cdopId', dto.cdopId);
        need('sourceReference', dto.sourceReference?.trim());
        const cdop = await this.organisation(m, dto.cdopId!, 'cdop', visible);
        return {
          sourceId: dto.sourceId ?? null,
          sourceReference: dto.sourceReference!.trim(),
          organisationIds: [cdop.id, ...cdop.coversLocalAuthorityIds],
          partnershipId: null,
        };
      }
    }
  }

  private async organisation(
    m: EntityManager,
    id: string,
    type: string,
    visible: string[],
  ): Promise<Organisation> {
    const organisation = await m.findOne(Organisation, { where: { id } });
    if (!organisation || organisation.type !== type) {
      throw new BadRequestException([
        `${type === 'cdop' ? 'cdopId' : 'partnershipId'} must be the id of a ${type}`,
      ]);
    }
    if (!visible.includes(organisation.id))
      throw new ForbiddenException('You do not work for this organisation');
    return organisation;
  }

  /** 404 to read what the user cannot see; 403 to change it, or without one of `roles`. */
  private async load(
    m: EntityManager,
    id: string,
    user: AuthenticatedUser,
    forChange: boolean,
    roles: Role[] = [],
  ) {
    const recommendation = UUID.test(id)
      ? await m.findOne(Recommendation, {
          where: { id },
          ...(forChange ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    const visible = await this.visible(user);
    if (!recommendation || !recommendation.organisationIds.some((o) => visible.includes(o))) {
      // Reads never reveal that it exists; changes to another area's are refused (API contract).
      if (forChange && recommendation) {
        throw new ForbiddenException('You do not have permission to change this recommendation');
      }
      throw new NotFoundException(
        'No recommendation with this id was found, or you do not have access to it',
      );
    }
    if (forChange && !user.roles.some((r) => roles.includes(r))) {
      throw new ForbiddenException('You do not have permission to change this recommendation');
    }
    return recommendation;
  }

  private changeAction(
    actionId: string,
    user: AuthenticatedUser,
    roles: Role[],
    version: number | undefined,
    auditAction: string,
    work: (action: RecommendationAction) => Record<string, unknown>,
  ) {
    return this.dataSource.transaction(async (m) => {
      const action = UUID.test(actionId)
        ? await m.findOne(RecommendationAction, {
            where: { id: actionId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!action)
        throw new NotFoundException('No action with this id was found, or you do not have access to it');
      const recommendation = await this.load(m, action.recommendationId, user, true, roles);
      assertVersion(action, version, 'action');
      const before = { dueDate: action.dueDate, completedOn: action.completedOn };
      const details = work(action);
      action.updatedAt = new Date();
      const saved = await m.save(action);
      await this.followClock(m, recommendation, before, saved);
      await this.record(m, user, recommendation, auditAction, { actionId, ...details });
      return this.actionView(saved);
    });
  }

  /**
   * Each action runs a clock to its own due date so that the reminders module reminds those who track it:
   * the CDOP administrators for a CDOP's recommendation, the partnership managers for the others.
   */
  private startClock(m: EntityManager, recommendation: Recommendation, action: RecommendationAction) {
    const cdop = recommendation.sourceType === 'cdop';
    return this.deadlines.start(
      {
        caseId: recommendation.id,
        caseType: cdop ? 'cdr' : 'si',
        caseReference: recommendation.reference,
        casePath: RECOMMENDATIONS_PAGE,
        organisationIds: recommendation.organisationIds,
        ruleId: actionRule(recommendation),
        subject: action.id,
        basis: { date: action.dueDate },
      },
      m,
    );
  }

  /** A moved due date moves the clock; completion meets it. Actions older than their clocks have none. */
  private async followClock(
    m: EntityManager,
    recommendation: Recommendation,
    before: { dueDate: string; completedOn: string | null },
    action: RecommendationAction,
  ): Promise<void> {
    const key = { ruleId: actionRule(recommendation), subject: action.id };
    try {
      if (action.dueDate !== before.dueDate) {
        await this.deadlines.correctBasis(recommendation.id, key, { date: action.dueDate }, m);
      }
      if (action.completedOn && !before.completedOn) {
        // Only the London date of completion counts against a date clock.
        const at =
          action.completedOn === this.time.today() ? this.time.now() : londonMidnight(action.completedOn);
        await this.deadlines.complete(recommendation.id, key, at, m);
      }
    } catch (error) {
      if (!(error instanceof ClockNotFoundError)) throw error;
    }
  }

  private async record(
    m: EntityManager,
    user: AuthenticatedUser,
    recommendation: Recommendation,
    action: string,
    details: Record<string, unknown>,
    inTransaction = true,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        actor: user,
        caseId: recommendation.sourceId,
        organisationIds: recommendation.organisationIds,
        details: { recommendationId: recommendation.id, reference: recommendation.reference, ...details },
      },
      inTransaction ? m : undefined,
    );
  }
}
