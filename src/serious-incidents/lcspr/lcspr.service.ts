import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CASE_NOT_FOUND_MESSAGE } from '../../identity/access.service';
import { assertVersion } from '../../common/optimistic-lock';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import { User } from '../../identity/user.entity';
import { PARTNERSHIP_ROLES, UUID } from '../incident-access.service';
import { IncidentChild } from '../incident-child.entity';
import { incidentClockOwner } from '../incident-clocks.service';
import { routeOf } from '../incident-facts';
import { IncidentPartService } from '../incident-part.service';
import { notReady } from '../incident-records';
import { LcsprRecord, REVIEWER_QUALITIES } from '../lcspr.entity';
import { checkLcsprDecision } from '../rules/lcspr';
import { SeriousIncident } from '../serious-incident.entity';
import {
  AvailabilityConfirmedDto,
  CommissionReviewerDto,
  ConflictDecisionDto,
  DeclarationDto,
  InvolvementDto,
  LcsprDecisionDto,
  LcsprInformedDto,
  PublicationDto,
  SupervisionRequestDto,
  SupervisionResponseDto,
  TermsOfReferenceDto,
} from './lcspr.dto';
import { lcsprView, LcsprView } from './lcspr-view';

const WITH_REVIEWER: Role[] = [...PARTNERSHIP_ROLES, 'reviewer'];

type Work = (
  m: EntityManager,
  incident: SeriousIncident,
  record: LcsprRecord,
) => Promise<Record<string, unknown>>;

/**
 * The local child safeguarding practice review (WT 393–408): the decision and its clocks, the reviewer
 * and their declaration, supervision and involvement, and publication.
 */
@Injectable()
export class LcsprService extends IncidentPartService<LcsprRecord> {
  protected readonly entity = LcsprRecord;
  protected readonly part = 'lcspr';

  async get(id: string, user: AuthenticatedUser): Promise<LcsprView | null> {
    const { m, incident, record } = await this.readPart(id, user);
    return record ? lcsprView(record, await this.clocks.list(m, incident.id)) : null;
  }

  /** Records (or revises) the decision; an LCSPR starts SI-LCSPR-INFORM and SI-LCSPR-COMPLETE. */
  decide(id: string, dto: LcsprDecisionDto, user: AuthenticatedUser): Promise<LcsprView> {
    const problems = checkLcsprDecision(dto);
    if (problems.length) throw new BadRequestException(problems.map((p) => `${p.field}: ${p.message}`));
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, PARTNERSHIP_ROLES);
      const children = await m.find(IncidentChild, { where: { incidentId: incident.id } });
      const reasons: string[] = [];
      if (routeOf(incident, children).route !== 'full-review') {
        reasons.push('An LCSPR follows only incidents on the full review route; this one is not.');
      }
      if (incident.status !== 'submitted')
        reasons.push('The notification has not been submitted to the Panel yet.');
      if (reasons.length) throw notReady(reasons);
      const existing = await this.lock(m, incident.id);
      if (existing) assertVersion(existing, dto.version, 'LCSPR record');
      if (existing?.publishedOn && dto.decision !== 'lcspr') {
        throw new ConflictException('The review has been published; the decision can no longer change');
      }
      const record = existing ?? m.create(LcsprRecord, { incidentId: incident.id });
      const before = existing ? { decision: existing.decision, decidedOn: existing.decidedOn } : null;
      Object.assign(record, {
        decision: dto.decision,
        decidedOn: dto.decidedOn,
        rationale: dto.rationale.trim(),
        criteria: dto.criteria,
        ...(dto.reviewerName !== undefined ? { reviewerName: dto.reviewerName.trim() || null } : {}),
        ...(dto.familyToldOn !== undefined ? { familyToldOn: dto.familyToldOn } : {}),
      });
      const owner = incidentClockOwner(incident);
      for (const rule of ['SI-LCSPR-INFORM', 'SI-LCSPR-COMPLETE'] as const) {
        if (dto.decision === 'lcspr') {
          await this.clocks.start(m, owner, rule, { date: dto.decidedOn });
          await this.clocks.rebase(m, incident.id, rule, dto.decidedOn);
        } else {
          await this.clocks.setAside(m, incident.id, rule, 'The partners decided not to carry out an LCSPR.');
        }
      }
      return this.finish(m, incident, record, user, 'si.lcspr.decision', {
        decision: dto.decision,
        decidedOn: dto.decidedOn,
        criteria: dto.criteria,
        ...(before ? { before } : {}),
      });
    });
  }

  /** The Panel, Ofsted and the DfE told, naming the reviewer (WT 393): meets SI-LCSPR-INFORM. */
  informed(id: string, dto: LcsprInformedDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.change(id, dto, user, PARTNERSHIP_ROLES, 'si.lcspr.informed', async (m, incident, record) => {
      this.notFuture('informedOn', dto.informedOn);
      record.informedOn = dto.informedOn;
      record.reviewerName = dto.reviewerName.trim();
      await this.clocks.meet(m, incident.id, 'SI-LCSPR-INFORM', dto.informedOn);
      return { informedOn: dto.informedOn };
    });
  }

  /** Commissioning against WT 397. A new reviewer must declare afresh before seeing anything. */
  commission(id: string, dto: CommissionReviewerDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.lcspr.reviewer-commissioned',
      async (m, _i, record) => {
        const assessed = new Set(dto.assessment.map((a) => a.quality));
        const missing = REVIEWER_QUALITIES.filter((q) => !assessed.has(q.id));
        if (missing.length || assessed.size !== dto.assessment.length) {
          throw new BadRequestException([
            `assessment must cover each quality in WT 397 once: ${REVIEWER_QUALITIES.map((q) => q.id).join(', ')}`,
          ]);
        }
        if (dto.reviewerUserId) {
          const reviewer = await m.findOne(User, { where: { id: dto.reviewerUserId } });
          if (!reviewer?.roles.includes('reviewer')) {
            throw new BadRequestException([
              'reviewerUserId must be the account of a user with the reviewer role',
            ]);
          }
        }
        const newReviewer = (dto.reviewerUserId ?? null) !== record.reviewerUserId;
        record.reviewerName = dto.reviewerName.trim();
        record.reviewerUserId = dto.reviewerUserId ?? null;
        record.commissionedOn = dto.commissionedOn;
        record.reviewerAssessment = dto.assessment.map((a) => ({ ...a, evidence: a.evidence.trim() }));
        if (newReviewer) {
          record.declaration = null;
          record.conflictDecision = null;
        }
        return { reviewerUserId: record.reviewerUserId, commissionedOn: dto.commissionedOn };
      },
    );
  }

  /**
   * The reviewer's conflict of interest declaration, made by the commissioned reviewer (who cannot see
   * the case until it is made) or recorded from their signed declaration by the partnership manager.
   */
  declare(id: string, dto: DeclarationDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.dataSource.transaction(async (m) => {
      const incident = UUID.test(id)
        ? await m.findOne(SeriousIncident, { where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      const record = incident ? await this.lock(m, incident.id) : null;
      const isTheReviewer =
        !!record?.reviewerUserId && record.reviewerUserId === user.id && user.roles.includes('reviewer');
      if (!incident || !record) throw new NotFoundException(CASE_NOT_FOUND_MESSAGE);
      if (!isTheReviewer) await this.access.act(m, id, user, ['partnership-manager']);
      assertVersion(record, dto.version, 'LCSPR record');
      if (!record.reviewerUserId)
        throw notReady(['No reviewer account has been commissioned for this review.']);
      record.declaration = {
        hasConflict: dto.hasConflict,
        details: dto.details.trim(),
        declaredAt: this.time.now().toISOString(),
        declaredByUserId: user.id,
      };
      record.conflictDecision = null;
      return this.finish(m, incident, record, user, 'si.lcspr.declaration', { hasConflict: dto.hasConflict });
    });
  }

  conflictDecision(id: string, dto: ConflictDecisionDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.lcspr.conflict-decision',
      async (_m, _i, record) => {
        if (!record.declaration?.hasConflict)
          throw notReady(['The reviewer has not declared a conflict of interest.']);
        record.conflictDecision = {
          accepted: dto.accepted,
          how: dto.how.trim(),
          decidedOn: dto.decidedOn,
          decidedByUserId: user.id,
        };
        return { accepted: dto.accepted };
      },
    );
  }

  termsOfReference(id: string, dto: TermsOfReferenceDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.lcspr.terms-of-reference',
      async (_m, _i, record) => {
        const before = record.termsOfReference;
        record.termsOfReference = dto.termsOfReference.trim();
        record.termsAgreedOn = dto.agreedOn ?? record.termsAgreedOn;
        return { changes: { termsOfReference: { before, after: record.termsOfReference } } };
      },
    );
  }

  /** A written request from the partners to the reviewer (WT 401); kept, never edited. */
  supervisionRequest(id: string, dto: SupervisionRequestDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.lcspr.supervision-request',
      async (_m, _i, record) => {
        const entry = {
          id: randomUUID(),
          requestedOn: dto.requestedOn,
          requestedBy: dto.requestedBy.trim(),
          request: dto.request.trim(),
          respondedOn: null,
          response: null,
          recordedByUserId: user.id,
        };
        record.supervisionLog = [...record.supervisionLog, entry];
        return { entryId: entry.id };
      },
    );
  }

  supervisionResponse(
    id: string,
    entryId: string,
    dto: SupervisionResponseDto,
    user: AuthenticatedUser,
  ): Promise<LcsprView> {
    return this.change(
      id,
      dto,
      user,
      WITH_REVIEWER,
      'si.lcspr.supervision-response',
      async (_m, _i, record) => {
        const entry = record.supervisionLog.find((e) => e.id === entryId);
        if (!entry) throw new NotFoundException('No supervision request with this id on this review');
        if (entry.response) throw new ConflictException('This request has already been answered');
        record.supervisionLog = record.supervisionLog.map((e) =>
          e.id === entryId ? { ...e, respondedOn: dto.respondedOn, response: dto.response.trim() } : e,
        );
        return { entryId };
      },
    );
  }

  /** Practitioners and family members invited to contribute (WT 400). */
  involvement(id: string, dto: InvolvementDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.change(id, dto, user, WITH_REVIEWER, 'si.lcspr.involvement', async (_m, _i, record) => {
      const entry = {
        id: randomUUID(),
        kind: dto.kind,
        who: dto.who.trim(),
        invitedOn: dto.invitedOn,
        outcome: dto.outcome.trim(),
        expectationsNotes: dto.expectationsNotes?.trim() || null,
        recordedByUserId: user.id,
      };
      record.involvementLog = [...record.involvementLog, entry];
      return { entryId: entry.id, kind: dto.kind };
    });
  }

  /**
   * The publication plan (WT 404–408). The planned date runs SI-LCSPR-PREPUB backwards; the report sent to
   * the Panel and the Secretary of State meets it; publication meets SI-LCSPR-COMPLETE and starts the
   * year it must stay available (SI-LCSPR-AVAILABLE).
   */
  publication(id: string, dto: PublicationDto, user: AuthenticatedUser): Promise<LcsprView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.lcspr.publication',
      async (m, incident, record) => {
        for (const field of [
          'publishedOn',
          'sentToPanelOn',
          'sentToSecretaryOfStateOn',
          'sentToOfstedOn',
          'delayReasonSentOn',
        ] as const) {
          const value = dto[field];
          if (value) this.notFuture(field, value);
        }
        if (record.publishedOn && dto.publishedOn !== undefined && dto.publishedOn !== record.publishedOn) {
          throw new ConflictException(`The review is already recorded as published on ${record.publishedOn}`);
        }
        if (dto.publishedOn && dto.publishedOn < record.decidedOn) {
          throw new BadRequestException([
            'publishedOn cannot be before the decision to carry out the review',
          ]);
        }
        if (dto.delayReasonSentOn && !(dto.delayReason ?? record.delayReason)?.trim()) {
          throw new BadRequestException(['delayReason must be given when delayReasonSentOn is']);
        }
        const before = {
          plannedPublicationDate: record.plannedPublicationDate,
          publishedOn: record.publishedOn,
          sentToPanelOn: record.sentToPanelOn,
          sentToSecretaryOfStateOn: record.sentToSecretaryOfStateOn,
        };
        record.plannedPublicationDate = dto.plannedPublicationDate;
        record.publishFullReport = dto.publishFullReport;
        if (dto.delayReason !== undefined) record.delayReason = dto.delayReason.trim() || null;
        if (dto.reviewerNames !== undefined)
          record.reviewerNames = dto.reviewerNames.map((n) => n.trim()).filter(Boolean);
        for (const field of [
          'publishedOn',
          'sentToPanelOn',
          'sentToSecretaryOfStateOn',
          'sentToOfstedOn',
          'delayReasonSentOn',
          'publicationUrl',
        ] as const) {
          if (dto[field] !== undefined) record[field] = dto[field] ?? null;
        }
        const owner = incidentClockOwner(incident);
        await this.clocks.start(m, owner, 'SI-LCSPR-PREPUB', { date: dto.plannedPublicationDate });
        await this.clocks.rebase(m, incident.id, 'SI-LCSPR-PREPUB', dto.plannedPublicationDate);
        // WT 407: the Panel and the Secretary of State must have it; Ofsted should, and is recorded alongside.
        if (record.sentToPanelOn && record.sentToSecretaryOfStateOn) {
          const sentOn = [record.sentToPanelOn, record.sentToSecretaryOfStateOn].sort()[1];
          await this.clocks.meet(m, incident.id, 'SI-LCSPR-PREPUB', sentOn);
        }
        if (record.publishedOn) {
          await this.clocks.meet(m, incident.id, 'SI-LCSPR-COMPLETE', record.publishedOn);
          await this.clocks.start(m, owner, 'SI-LCSPR-AVAILABLE', { date: record.publishedOn });
        }
        return {
          before,
          after: {
            plannedPublicationDate: record.plannedPublicationDate,
            publishedOn: record.publishedOn,
            sentToPanelOn: record.sentToPanelOn,
            sentToSecretaryOfStateOn: record.sentToSecretaryOfStateOn,
          },
        };
      },
    );
  }

  /** Confirms the report stayed public for the whole minimum year (WT 405), on or after its end. */
  availabilityConfirmed(
    id: string,
    dto: AvailabilityConfirmedDto,
    user: AuthenticatedUser,
  ): Promise<LcsprView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.lcspr.availability-confirmed',
      async (m, incident, record) => {
        this.notFuture('confirmedOn', dto.confirmedOn);
        const clock = (await this.clocks.list(m, incident.id)).find((d) => d.rule === 'SI-LCSPR-AVAILABLE');
        if (!record.publishedOn || !clock) throw notReady(['The review has not been published yet.']);
        if (dto.confirmedOn < clock.dueDate) {
          throw notReady([
            `The report must stay available until ${clock.dueDate}; confirm on or after that date.`,
          ]);
        }
        record.availabilityConfirmedOn = dto.confirmedOn;
        // Confirmed afterwards, the duty was met through its last day.
        await this.clocks.meet(m, incident.id, 'SI-LCSPR-AVAILABLE', clock.dueDate);
        return { confirmedOn: dto.confirmedOn };
      },
    );
  }

  private notFuture(field: string, date: string): void {
    if (date > this.time.today()) throw new BadRequestException([`${field} cannot be in the future`]);
  }

  private change(
    id: string,
    dto: { version?: number },
    user: AuthenticatedUser,
    roles: Role[],
    action: string,
    work: Work,
  ) {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, roles);
      const record = await this.lock(m, incident.id);
      if (!record || record.decision !== 'lcspr')
        throw notReady(['No LCSPR has been decided for this incident.']);
      assertVersion(record, dto.version, 'LCSPR record');
      const details = await work(m, incident, record);
      return this.finish(m, incident, record, user, action, details);
    });
  }

  private async finish(
    m: EntityManager,
    incident: SeriousIncident,
    record: LcsprRecord,
    user: AuthenticatedUser,
    action: string,
    details: Record<string, unknown>,
  ): Promise<LcsprView> {
    const saved = await this.saveAudited(m, incident, record, user, action, details);
    return lcsprView(saved, await this.clocks.list(m, incident.id));
  }
}
