import {
  BadRequestException,
  ConflictException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { applyNotifications } from './case-facts';
import { CASE_WORKERS, CaseStore, FieldChanges } from './case-store.service';
import type { VersionDto } from './dto/decisions.dto';
import type { PauseDto } from './dto/information.dto';
import type { MergeDto, NcmdSubmissionDto, ReviewingCdopDto, SplitDto } from './dto/lifecycle.dto';
import type { NotificationDto } from './dto/notification.dto';
import { AnalysisForm } from './entities/analysis-form.entity';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { FamilyContact } from './entities/family-contact.entity';
import { ChildDeathNotification } from './entities/notification.entity';
import { ReportingRequest } from './entities/reporting-request.entity';
import { ReviewMeeting } from './entities/review-meeting.entity';
import { NotificationIntakeService } from './notification-intake.service';
import {
  canClose,
  pause as pauseLifecycle,
  PauseReason,
  resume as resumeLifecycle,
} from './rules/case-lifecycle';
import { instantOn } from './when';

/** Pausing, the steps after the CDOP review, the reviewing CDOP, and putting duplicates right by hand. */
@Injectable()
export class CaseLifecycleService {
  constructor(
    private readonly store: CaseStore,
    private readonly clocks: CaseClocks,
    private readonly intake: NotificationIntakeService,
  ) {}

  async pause(user: AuthenticatedUser, caseId: string, body: PauseDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      const changes = await this.pauseWithin(m, c, body.reason as PauseReason, body.text);
      return this.store.save(m, user, c, 'paused', changes);
    });
  }

  /** Pauses the case and the clocks other proceedings hold up (CDR-CDRM, CDR-CDOP-REVIEW). */
  async pauseWithin(
    m: EntityManager,
    c: ChildDeathCase,
    reason: PauseReason,
    text?: string,
  ): Promise<FieldChanges> {
    const since = this.store.now();
    const result = pauseLifecycle(lifecycleOf(c), { reason, text, since: since.toISOString() });
    if (!result.ok) {
      if (reason === 'other' && !text?.trim()) throw new BadRequestException([`text: ${result.message}`]);
      throw new ConflictException(result.message);
    }
    const before = pauseOf(c);
    c.pausedReason = reason;
    c.pausedText = result.lifecycle.pause?.text ?? null;
    c.pausedSince = since;
    await this.clocks.pause(m, c, reason, c.pausedText ?? undefined);
    return { pause: { before, after: pauseOf(c) } };
  }

  async resume(user: AuthenticatedUser, caseId: string, body: VersionDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      const result = resumeLifecycle(lifecycleOf(c));
      if (!result.ok) throw new ConflictException(result.message);
      const before = pauseOf(c);
      c.pausedReason = null;
      c.pausedText = null;
      c.pausedSince = null;
      await this.clocks.resume(m, c);
      return this.store.save(m, user, c, 'resumed', { pause: { before, after: null } });
    });
  }

  /** The complete analysis data went to the NCMD (WT 444, 455): meets CDR-NCMD-SUBMIT. */
  async recordNcmdSubmission(user: AuthenticatedUser, caseId: string, body: NcmdSubmissionDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, ['cdop-admin'], body.version);
      const today = this.store.today();
      if (body.submittedOn > today) throw new BadRequestException(['submittedOn: cannot be in the future']);
      if (!c.cdopReviewedOn)
        throw new ConflictException('The CDOP must finalise the analysis before the data goes to the NCMD');
      if (body.submittedOn < c.cdopReviewedOn) {
        throw new BadRequestException(['submittedOn: cannot be before the CDOP review']);
      }
      const moved = this.store.advance(c, 'submitted-to-ncmd', user, true);
      const before = c.ncmdSubmittedOn;
      c.ncmdSubmittedOn = body.submittedOn;
      await this.clocks.meet(m, c, 'CDR-NCMD-SUBMIT', instantOn(body.submittedOn, today, this.store.now()));
      return this.store.save(m, user, c, 'ncmd-submitted', {
        ncmdSubmittedOn: { before, after: body.submittedOn },
        ...moved,
      });
    });
  }

  /** Closing needs the analysis final and the NCMD data sent; otherwise 422 says what is outstanding. */
  async close(user: AuthenticatedUser, caseId: string, body: VersionDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, ['cdop-admin'], body.version);
      const analysis = await m.getRepository(AnalysisForm).findOneBy({ caseId: c.id });
      const decision = canClose({
        lifecycle: lifecycleOf(c),
        analysisFinal: analysis?.status === 'final',
        ncmdSubmitted: c.ncmdSubmittedOn !== null,
      });
      if (!decision.allowed) throw new UnprocessableEntityException({ message: decision.reasons });
      const moved = this.store.advance(c, 'closed', user, true);
      c.closedAt = this.store.now();
      return this.store.save(m, user, c, 'closed', moved);
    });
  }

  /** Hands the review to the other CDOP that can see the case, by agreement (WT 440); both still see it. */
  async changeReviewingCdop(user: AuthenticatedUser, caseId: string, body: ReviewingCdopDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      if (body.cdopId === c.owningCdopId)
        throw new ConflictException('This CDOP is already reviewing the case');
      if (!c.sharedWithCdopIds.includes(body.cdopId)) {
        throw new BadRequestException([
          'cdopId: only a CDOP that can already see the case can take over its review',
        ]);
      }
      const before = c.owningCdopId;
      c.sharedWithCdopIds = [...c.sharedWithCdopIds.filter((id) => id !== body.cdopId), before];
      c.owningCdopId = body.cdopId;
      return this.store.save(
        m,
        user,
        c,
        'reviewing-cdop-changed',
        { owningCdopId: { before, after: body.cdopId } },
        {
          reason: body.reason,
        },
      );
    });
  }

  /**
   * Merges a case opened in error for a death already notified. Only a case with no work done on it yet
   * can be merged: its notifications (and any family contacts) move, and its clocks stop.
   */
  async merge(user: AuthenticatedUser, caseId: string, body: MergeDto) {
    if (body.duplicateCaseId === caseId)
      throw new BadRequestException(['duplicateCaseId: a case cannot be merged into itself']);
    return this.store.transaction(async (m) => {
      const [firstId, secondId] = [caseId, body.duplicateCaseId].sort();
      const first = await this.store.forChange(
        m,
        user,
        firstId,
        ['cdop-admin'],
        firstId === caseId ? body.version : undefined,
      );
      const second = await this.store.forChange(m, user, secondId, ['cdop-admin']);
      const [target, duplicate] = firstId === caseId ? [first, second] : [second, first];
      this.store.assertOpen(target);
      // One after another: a transaction's queries share one connection.
      const work = [
        await m.getRepository(ReportingRequest).countBy({ caseId: duplicate.id }),
        await m.getRepository(ReviewMeeting).countBy({ caseId: duplicate.id }),
        await m.getRepository(AnalysisForm).countBy({ caseId: duplicate.id }),
      ];
      if (work.some((n) => n > 0) || duplicate.jarRecord) {
        throw new ConflictException(
          'Work has already been recorded on the duplicate case; only a case that has only been notified can be merged',
        );
      }
      await m.getRepository(ChildDeathNotification).update({ caseId: duplicate.id }, { caseId: target.id });
      await m.getRepository(FamilyContact).update({ caseId: duplicate.id }, { caseId: target.id });
      const before = { sharedWithCdopIds: target.sharedWithCdopIds };
      const all = await m.getRepository(ChildDeathNotification).find({ where: { caseId: target.id } });
      applyNotifications(target, all);
      const others = [duplicate.owningCdopId, ...duplicate.sharedWithCdopIds];
      target.sharedWithCdopIds = [
        ...new Set([...target.sharedWithCdopIds, ...others.filter((id) => id !== target.owningCdopId)]),
      ];
      duplicate.mergedIntoCaseId = target.id;
      await this.clocks.closeAllOpen(
        m,
        duplicate,
        `Merged into ${target.reference}: its clocks continue there`,
      );
      await this.store.save(
        m,
        user,
        duplicate,
        'merged-into',
        { mergedIntoCaseId: { before: null, after: target.id } },
        {
          reason: body.reason,
        },
      );
      return this.store.save(
        m,
        user,
        target,
        'merged-from',
        { sharedWithCdopIds: { before: before.sharedWithCdopIds, after: target.sharedWithCdopIds } },
        { reason: body.reason, duplicateCaseId: duplicate.id, movedNotificationIds: all.map((n) => n.id) },
      );
    });
  }

  /** Moves notifications that turned out to be of another death onto a new case of their own. */
  async split(user: AuthenticatedUser, caseId: string, body: SplitDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, ['cdop-admin'], body.version);
      this.store.assertOpen(c);
      const repo = m.getRepository(ChildDeathNotification);
      const all = await repo.find({ where: { caseId: c.id }, order: { notifiedAt: 'ASC' } });
      const moving = all.filter((n) => body.notificationIds.includes(n.id));
      const unknown = body.notificationIds.filter((id) => !moving.some((n) => n.id === id));
      if (unknown.length)
        throw new BadRequestException(
          unknown.map((id) => `notificationIds: ${id} is not a notification on this case`),
        );
      if (moving.length === all.length) {
        throw new BadRequestException(['notificationIds: at least one notification must stay on this case']);
      }
      const seed = moving[0].answers as unknown as NotificationDto;
      const created = await this.intake.openCase(m, user, seed, {
        owning: c.owningCdopId,
        shared: c.sharedWithCdopIds,
      });
      await repo.update({ id: In(moving.map((n) => n.id)) }, { caseId: created.id });
      applyNotifications(created, moving);
      applyNotifications(
        c,
        all.filter((n) => !moving.includes(n)),
      );
      const saved = await this.store.persist(m, created);
      await this.store.record(m, user, saved, 'case.create', {
        event: 'split-from',
        reference: saved.reference,
        splitFromCaseId: c.id,
        notificationIds: moving.map((n) => n.id),
        reason: body.reason,
      });
      await this.store.save(
        m,
        user,
        c,
        'split',
        {},
        { newCaseId: saved.id, notificationIds: moving.map((n) => n.id), reason: body.reason },
      );
      return saved;
    });
  }
}

function lifecycleOf(c: ChildDeathCase) {
  return {
    state: c.state,
    ...(c.pausedSince && c.pausedReason
      ? {
          pause: {
            reason: c.pausedReason,
            text: c.pausedText ?? undefined,
            since: c.pausedSince.toISOString(),
          },
        }
      : {}),
  };
}

function pauseOf(c: ChildDeathCase) {
  return c.pausedSince ? { reason: c.pausedReason, text: c.pausedText, since: c.pausedSince } : null;
}
