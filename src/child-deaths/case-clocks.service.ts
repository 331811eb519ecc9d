import { ConflictException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClockNotFoundError, DeadlinesService } from '../deadlines/deadlines.service';
import type { DeadlineView } from '../deadlines/deadline-view';
import type { PauseReason } from '../deadlines/pauses';
import type { ClockRuleId } from '../deadlines/rules/clock-rules';
import { casePagePath } from './case-path';
import { caseOrganisationIds, ChildDeathCase } from './entities/child-death-case.entity';

type CdrRule = Extract<ClockRuleId, `CDR-${string}`>;

/** The clocks a child death case runs, started and met through the clock engine in the caller's transaction. */
@Injectable()
export class CaseClocks {
  constructor(private readonly deadlines: DeadlinesService) {}

  start(
    m: EntityManager,
    c: ChildDeathCase,
    ruleId: CdrRule,
    basis: { instant: Date } | { date: string },
    subject?: string,
  ): Promise<DeadlineView> {
    return this.deadlines.start(
      {
        caseId: c.id,
        caseType: 'cdr',
        caseReference: c.reference,
        casePath: casePagePath(c.id),
        organisationIds: caseOrganisationIds(c),
        defaultsOrganisationId: c.owningCdopId,
        ruleId,
        ...(subject ? { subject } : {}),
        basis,
      },
      m,
    );
  }

  /** Meets the clock if it was ever started; a step whose clock never applied to this case changes nothing. */
  async meet(
    m: EntityManager,
    c: ChildDeathCase,
    ruleId: CdrRule,
    at: Date,
    subject?: string,
  ): Promise<DeadlineView | null> {
    try {
      return await this.deadlines.complete(c.id, subject ? { ruleId, subject } : ruleId, at, m);
    } catch (error) {
      if (error instanceof ClockNotFoundError) return null;
      throw error;
    }
  }

  async startAndMeet(
    m: EntityManager,
    c: ChildDeathCase,
    ruleId: CdrRule,
    at: Date,
  ): Promise<DeadlineView | null> {
    await this.start(m, c, ruleId, { instant: at });
    return this.meet(m, c, ruleId, at);
  }

  /** A clock never started, or already met, stays as it is: what was done is not undone by a later decision. */
  async notApplicable(
    m: EntityManager,
    c: ChildDeathCase,
    ruleId: CdrRule,
    reason: string,
    subject?: string,
  ) {
    try {
      return await this.deadlines.markNotApplicable(c.id, subject ? { ruleId, subject } : ruleId, reason, m);
    } catch (error) {
      if (error instanceof ClockNotFoundError || error instanceof ConflictException) return null;
      throw error;
    }
  }

  /** Closes every clock still open, for a case merged into another (its clocks continue there). */
  async closeAllOpen(m: EntityManager, c: ChildDeathCase, reason: string): Promise<void> {
    for (const clock of await this.deadlines.listForCase(c.id, m)) {
      if (clock.status === 'met' || clock.status === 'met-late' || clock.status === 'not-applicable')
        continue;
      await this.deadlines.markNotApplicable(
        c.id,
        clock.subject ? { ruleId: clock.rule, subject: clock.subject } : clock.rule,
        reason,
        m,
      );
    }
  }

  /** The clocks that wait on the post-mortem, inquest or criminal proceedings (WT 453, 454). */
  pause(m: EntityManager, c: ChildDeathCase, reason: PauseReason, text?: string): Promise<DeadlineView[]> {
    return this.deadlines.pause(c.id, 'all-pausable', reason, text, m);
  }

  resume(m: EntityManager, c: ChildDeathCase): Promise<DeadlineView[]> {
    return this.deadlines.resume(c.id, 'all-paused', m);
  }

  list(caseId: string, m?: EntityManager): Promise<DeadlineView[]> {
    return this.deadlines.listForCase(caseId, m);
  }
}
