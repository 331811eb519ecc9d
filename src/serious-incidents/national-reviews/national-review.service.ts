import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { parseIsoDate } from '../../calendar/iso-date';
import { TimeSource } from '../../calendar/time-source';
import { assertVersion } from '../../common/optimistic-lock';
import { DeadlineView } from '../../deadlines/deadline-view';
import { CASE_NOT_FOUND_MESSAGE } from '../../identity/access.service';
import type { AuthenticatedUser } from '../../identity/permissions';
import { IncidentAccess, PARTNERSHIP_ROLES, UUID } from '../incident-access.service';
import { ClockOwner, IncidentClocks } from '../incident-clocks.service';
import { incidentOrganisationIds } from '../incident-organisations';
import { nextReference } from '../incident-reference';
import { NationalReview } from '../national-review.entity';
import { CreateNationalReviewDto, UpdateNationalReviewDto } from './national-review.dto';

function owner(review: NationalReview): ClockOwner {
  return {
    id: review.id,
    reference: review.reference,
    path: `/serious-incidents/national-reviews/${review.id}`,
    organisationIds: review.organisationIds,
  };
}

export function nationalReviewView(
  review: NationalReview,
  deadlines: DeadlineView[],
  incidentReferences: string[],
) {
  return {
    id: review.id,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
    version: review.version,
    reference: review.reference,
    kind: review.kind,
    title: review.title,
    incidentIds: review.incidentIds,
    incidentReferences,
    decidedOn: review.decidedOn,
    scope: review.scope,
    reviewerName: review.reviewerName,
    plannedPublicationDate: review.plannedPublicationDate,
    sentToSecretaryOfStateOn: review.sentToSecretaryOfStateOn,
    publishedOn: review.publishedOn,
    publicationUrl: review.publicationUrl,
    delayReason: review.delayReason,
    deadlines,
  };
}
export type NationalReviewView = ReturnType<typeof nationalReviewView>;

/**
 * The Panel's own reviews (WT 412–428) as the partnerships record them: the decision, scope, reviewer,
 * publication clocks (SI-NATIONAL-*), and the local actions that follow (tracked as recommendations).
 */
@Injectable()
export class NationalReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly clocks: IncidentClocks,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
  ) {}

  async create(dto: CreateNationalReviewDto, user: AuthenticatedUser): Promise<NationalReviewView> {
    const ids = [...new Set(dto.incidentIds)];
    if (dto.kind === 'case' && ids.length !== 1) {
      throw new BadRequestException(['incidentIds must name exactly one incident for a case review']);
    }
    return this.dataSource.transaction(async (m) => {
      const incidents = [];
      for (const id of ids) incidents.push(await this.access.act(m, id, user, PARTNERSHIP_ROLES));
      const review = await m.save(
        m.create(NationalReview, {
          reference: await nextReference(m, 'NR', parseIsoDate(this.time.today()).year),
          kind: dto.kind,
          title: dto.title.trim(),
          incidentIds: ids,
          organisationIds: [...new Set(incidents.flatMap(incidentOrganisationIds))],
          decidedOn: dto.decidedOn,
          scope: dto.scope.trim(),
          reviewerName: dto.reviewerName?.trim() || null,
          createdByUserId: user.id,
        }),
      );
      await this.clocks.start(m, owner(review), 'SI-NATIONAL-COMPLETE', { date: dto.decidedOn });
      return this.finish(m, review, user, 'si.national-review.create', {
        kind: dto.kind,
        incidents: ids.length,
      });
    });
  }

  async list(user: AuthenticatedUser) {
    const visible = await this.access.visibleOrganisationIds(user);
    const reviews = await this.dataSource
      .getRepository(NationalReview)
      .createQueryBuilder('r')
      .where('r.organisationIds && :visible::uuid[]', { visible })
      .orderBy('r.decidedOn', 'DESC')
      .getMany();
    return reviews.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
      reference: r.reference,
      kind: r.kind,
      title: r.title,
      decidedOn: r.decidedOn,
      publishedOn: r.publishedOn,
      incidents: r.incidentIds.length,
    }));
  }

  async get(id: string, user: AuthenticatedUser): Promise<NationalReviewView> {
    const m = this.dataSource.manager;
    const review = await this.load(m, id, user, false);
    await this.audit.record({
      action: 'case.read',
      actor: user,
      caseId: review.id,
      organisationIds: review.organisationIds,
      details: { caseType: 'national-review' },
    });
    return this.view(m, review);
  }

  async update(
    id: string,
    dto: UpdateNationalReviewDto,
    user: AuthenticatedUser,
  ): Promise<NationalReviewView> {
    return this.dataSource.transaction(async (m) => {
      const review = await this.load(m, id, user, true);
      assertVersion(review, dto.version, 'national review');
      for (const field of ['sentToSecretaryOfStateOn', 'publishedOn'] as const) {
        const value = dto[field];
        if (value && value > this.time.today())
          throw new BadRequestException([`${field} cannot be in the future`]);
      }
      if (review.publishedOn && dto.publishedOn && dto.publishedOn !== review.publishedOn) {
        throw new ConflictException(`The review is already recorded as published on ${review.publishedOn}`);
      }
      const { version: _version, ...fields } = dto;
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) {
          (review as unknown as Record<string, unknown>)[key] =
            typeof value === 'string' ? value.trim() || null : value;
        }
      }
      if (review.plannedPublicationDate) {
        await this.clocks.start(m, owner(review), 'SI-NATIONAL-PREPUB', {
          date: review.plannedPublicationDate,
        });
        await this.clocks.rebase(m, review.id, 'SI-NATIONAL-PREPUB', review.plannedPublicationDate);
      }
      if (review.sentToSecretaryOfStateOn) {
        await this.clocks.meet(m, review.id, 'SI-NATIONAL-PREPUB', review.sentToSecretaryOfStateOn);
      }
      if (review.publishedOn) {
        await this.clocks.meet(m, review.id, 'SI-NATIONAL-COMPLETE', review.publishedOn);
        await this.clocks.start(m, owner(review), 'SI-NATIONAL-AVAILABLE', { date: review.publishedOn });
      }
      return this.finish(m, review, user, 'si.national-review.update', { fields: Object.keys(fields) });
    });
  }

  /** Visible when any of its incidents' organisations is visible to the user. */
  private async load(m: EntityManager, id: string, user: AuthenticatedUser, forChange: boolean) {
    const review = UUID.test(id)
      ? await m.findOne(NationalReview, {
          where: { id },
          ...(forChange ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    const visible = await this.access.visibleOrganisationIds(user);
    const organisational = user.roles.some((r) => r !== 'reviewer');
    if (!review || !organisational || !review.organisationIds.some((o) => visible.includes(o))) {
      // Reads never reveal that the review exists; actions on others' reviews are refused (API contract).
      if (forChange && review)
        throw new ForbiddenException('You do not have permission to change this review');
      throw new NotFoundException(CASE_NOT_FOUND_MESSAGE);
    }
    return review;
  }

  private async view(m: EntityManager, review: NationalReview): Promise<NationalReviewView> {
    const rows: { reference: string }[] = await m.query(
      `SELECT reference FROM serious_incident WHERE id = ANY($1::uuid[]) ORDER BY reference`,
      [review.incidentIds],
    );
    return nationalReviewView(
      review,
      await this.clocks.list(m, review.id),
      rows.map((r) => r.reference),
    );
  }

  private async finish(
    m: EntityManager,
    review: NationalReview,
    user: AuthenticatedUser,
    action: string,
    details: Record<string, unknown>,
  ): Promise<NationalReviewView> {
    review.updatedAt = new Date();
    const saved = await m.save(review);
    const view = await this.view(m, saved);
    await this.audit.record(
      {
        action,
        actor: user,
        caseId: saved.id,
        organisationIds: saved.organisationIds,
        details: { caseType: 'national-review', ...details },
      },
      m,
    );
    return view;
  }
}
