import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import { BankHolidayChange } from '../calendar/bank-holiday-change.entity';
import { CalendarService } from '../calendar/calendar.service';
import { IsoDate, londonDateOf } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import { WorkingDayCalendar } from '../calendar/working-days';
import { ClockDefaultsService } from './clock-defaults.service';
import { ClockChange, ClockHistory } from './clock-history.entity';
import { dueWithPauses, isLate } from './clock-state';
import { Clock } from './clock.entity';
import { DeadlineView, toDeadlineView } from './deadline-view';
import { PAUSABLE_TOGETHER, PauseReason, pauseProblems } from './pauses';
import { ClockProcess, clockRule, ClockRuleId } from './rules/clock-rules';
import type { ClockBasis, DueResult } from './rules/compute-due';

/** A clock on a case: its rule, or its rule and subject when the rule runs more than once on a case. */
export type ClockKey = ClockRuleId | { ruleId: ClockRuleId; subject: string };

export interface StartClockInput {
  caseId: string;
  caseType: ClockProcess;
  caseReference: string;
  /** The case's page, such as `/child-deaths/<id>`; reminders link to it. */
  casePath: string;
  /** Owning and shared-with organisations: who sees the clock and whose people are reminded. */
  organisationIds: string[];
  /** The CDOP or safeguarding partnership whose local defaults apply; none means the rule's window. */
  defaultsOrganisationId?: string;
  ruleId: ClockRuleId;
  /** Only for a rule that runs more than once on a case, such as one agency return per agency asked. */
  subject?: string;
  basis: ClockBasis;
}

export class ClockNotFoundError extends NotFoundException {
  constructor(caseId: string, ruleId: string, subject: string) {
    super(`No ${ruleId}${subject ? ` (${subject})` : ''} clock has been started on case ${caseId}`);
  }
}

function keyOf(key: ClockKey): { ruleId: ClockRuleId; subject: string } {
  return typeof key === 'string' ? { ruleId: key, subject: '' } : key;
}

function dueOf(clock: Clock): DueResult {
  return { dueDate: clock.dueDate, ...(clock.dueAt ? { dueAt: clock.dueAt } : {}) };
}

function basisOf(clock: Clock): ClockBasis {
  return clock.basisAt ? { instant: clock.basisAt } : { date: clock.basisDate };
}

/** A basis the caller got wrong (a date outside the calendar, an hour clock without an instant) is a 400. */
function computed<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw new BadRequestException([`basis: ${error.message}`]);
    throw error;
  }
}

/**
 * The clock engine. Case modules only record events ("death notified at …", "rapid review sent on …");
 * this service starts, recomputes, pauses and meets the clocks. Every method takes an optional
 * EntityManager so that the clock changes commit or roll back with the caller's own change.
 */
@Injectable()
export class DeadlinesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly defaults: ClockDefaultsService,
    private readonly time: TimeSource,
  ) {}

  onModuleInit(): void {
    this.calendar.onChange((m, calendar, change) => this.recomputeForCalendar(m, calendar, change));
  }

  /** Starts the rule's clock on the case; a clock already started is returned unchanged. */
  async start(input: StartClockInput, manager?: EntityManager): Promise<DeadlineView> {
    const rule = computed(() => clockRule(input.ruleId));
    if (rule.process !== input.caseType) {
      throw new BadRequestException([
        `ruleId: ${rule.id} is a ${rule.process} clock, not a ${input.caseType} one`,
      ]);
    }
    return this.within(manager, async (m) => {
      const calendar = await this.calendar.calendarForUpdate(m);
      const now = this.time.now();
      const amount = await this.defaults.amountFor(m, input.defaultsOrganisationId, rule, now);
      const due = computed(() => dueWithPauses(rule, amount, input.basis, [], calendar));
      const subject = input.subject ?? '';
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(Clock)
        .values({
          caseId: input.caseId,
          caseType: input.caseType,
          caseReference: input.caseReference,
          casePath: input.casePath,
          organisationIds: [...new Set(input.organisationIds)],
          ruleId: rule.id,
          subject,
          ruleVersion: rule.ruleVersion,
          unit: rule.window.unit,
          windowAmount: amount,
          basisDate: input.basis.date ?? londonDateOf(input.basis.instant!),
          basisAt: input.basis.instant ?? null,
          dueDate: due.dueDate,
          dueAt: due.dueAt ?? null,
          status: 'running',
          nextReminderAt: now,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const clock = await this.lock(m, input.caseId, { ruleId: rule.id, subject });
      if (inserted.raw.length) await this.history(m, clock, 'started', undefined, { amount });
      return toDeadlineView(clock, now);
    });
  }

  /** A corrected basis date or instant: the due date is recomputed, and a met clock re-judged. */
  async correctBasis(
    caseId: string,
    key: ClockKey,
    basis: ClockBasis,
    manager?: EntityManager,
  ): Promise<DeadlineView> {
    return this.within(manager, async (m) => {
      const calendar = await this.calendar.calendarForUpdate(m);
      const clock = await this.lock(m, caseId, keyOf(key));
      const rule = clockRule(clock.ruleId);
      const before = dueOf(clock);
      const basisBefore = { date: clock.basisDate, instant: clock.basisAt ?? undefined };
      const due = computed(() =>
        dueWithPauses(rule, clock.windowAmount, basis, this.pausesOf(clock), calendar),
      );
      clock.basisDate = basis.date ?? londonDateOf(basis.instant!);
      clock.basisAt = basis.instant ?? null;
      this.setDue(clock, due);
      if (clock.completedAt) clock.status = isLate(due, clock.completedAt) ? 'met-late' : 'met';
      await this.save(m, clock, 'basis-corrected', before, {
        basisDateBefore: basisBefore.date,
        basisDateAfter: clock.basisDate,
        ...(basisBefore.instant ? { basisAtBefore: basisBefore.instant } : {}),
        ...(basis.instant ? { basisAtAfter: basis.instant } : {}),
      });
      return toDeadlineView(clock, this.time.now());
    });
  }

  /** The required action was done at `at`: met, or met late. Completing a met clock changes nothing. */
  async complete(caseId: string, key: ClockKey, at: Date, manager?: EntityManager): Promise<DeadlineView> {
    return this.within(manager, async (m) => {
      const calendar = await this.calendar.calendarForUpdate(m);
      const clock = await this.lock(m, caseId, keyOf(key));
      if (clock.status === 'met' || clock.status === 'met-late')
        return toDeadlineView(clock, this.time.now());
      if (clock.status === 'not-applicable') {
        throw new ConflictException(`${clock.ruleId} is not applicable to this case, so it cannot be met`);
      }
      const before = dueOf(clock);
      // Work done while paused ends the pause there; the pause still counts up to that moment.
      if (clock.status === 'paused') {
        this.endPause(clock, new Date(Math.max(at.getTime(), clock.pausedSince!.getTime())));
        this.setDue(
          clock,
          dueWithPauses(
            clockRule(clock.ruleId),
            clock.windowAmount,
            basisOf(clock),
            this.pausesOf(clock),
            calendar,
          ),
        );
      }
      clock.status = isLate(dueOf(clock), at) ? 'met-late' : 'met';
      clock.completedAt = at;
      clock.nextReminderAt = null;
      await this.save(m, clock, clock.status, before, { completedAt: at });
      return toDeadlineView(clock, this.time.now());
    });
  }

  /**
   * Pauses running clocks with a reason from the fixed list ('other' needs text). 'all-pausable' pauses
   * those of the case that other proceedings hold up (PAUSABLE_TOGETHER); naming a clock that is not
   * running is a conflict.
   */
  async pause(
    caseId: string,
    keys: ClockKey[] | 'all-pausable',
    reason: PauseReason,
    text?: string,
    manager?: EntityManager,
  ): Promise<DeadlineView[]> {
    const problems = pauseProblems(reason, text);
    if (problems.length) throw new BadRequestException(problems);
    return this.within(manager, async (m) => {
      const clocks =
        keys === 'all-pausable'
          ? await this.lockWhere(m, caseId, { status: 'running', ruleId: In([...PAUSABLE_TOGETHER]) })
          : await this.lockEach(m, caseId, keys, 'running', 'paused');
      const now = this.time.now();
      for (const clock of clocks) {
        clock.status = 'paused';
        clock.pausedSince = now;
        clock.pauseReason = reason;
        clock.pauseText = text?.trim() || null;
        clock.nextReminderAt = null;
        await this.save(m, clock, 'paused', dueOf(clock), { reason });
      }
      return clocks.map((clock) => toDeadlineView(clock, now));
    });
  }

  /** Resumes paused clocks; each due date moves on by the time paused, counted in the clock's own unit. */
  async resume(
    caseId: string,
    keys: ClockKey[] | 'all-paused',
    manager?: EntityManager,
  ): Promise<DeadlineView[]> {
    return this.within(manager, async (m) => {
      const calendar = await this.calendar.calendarForUpdate(m);
      const clocks =
        keys === 'all-paused'
          ? await this.lockWhere(m, caseId, { status: 'paused' })
          : await this.lockEach(m, caseId, keys, 'paused', 'resumed');
      const now = this.time.now();
      for (const clock of clocks) {
        const before = dueOf(clock);
        const pause = this.endPause(clock, now);
        this.setDue(
          clock,
          dueWithPauses(
            clockRule(clock.ruleId),
            clock.windowAmount,
            basisOf(clock),
            this.pausesOf(clock),
            calendar,
          ),
        );
        clock.status = 'running';
        clock.nextReminderAt = now;
        await this.save(m, clock, 'resumed', before, { reason: pause.reason, pausedFrom: pause.from });
      }
      return clocks.map((clock) => toDeadlineView(clock, now));
    });
  }

  /** The rule turned out not to apply to this case (the reason is shown with the deadline). */
  async markNotApplicable(
    caseId: string,
    key: ClockKey,
    reason: string,
    manager?: EntityManager,
  ): Promise<DeadlineView> {
    if (!reason.trim()) throw new BadRequestException(['reason must say why the clock does not apply']);
    return this.within(manager, async (m) => {
      const clock = await this.lock(m, caseId, keyOf(key));
      if (clock.status === 'met' || clock.status === 'met-late') {
        throw new ConflictException(`${clock.ruleId} has already been met`);
      }
      clock.status = 'not-applicable';
      clock.notApplicableReason = reason.trim();
      clock.pausedSince = null;
      clock.pauseReason = null;
      clock.pauseText = null;
      clock.nextReminderAt = null;
      await this.save(m, clock, 'not-applicable', dueOf(clock), {});
      return toDeadlineView(clock, this.time.now());
    });
  }

  /** Every clock of the case with its history, soonest due first. */
  async listForCase(caseId: string, manager?: EntityManager): Promise<DeadlineView[]> {
    const m = manager ?? this.dataSource.manager;
    const clocks = await m.getRepository(Clock).find({
      where: { caseId },
      order: { dueDate: 'ASC', ruleId: 'ASC', subject: 'ASC' },
    });
    const history = clocks.length
      ? await m.getRepository(ClockHistory).find({
          where: { clockId: In(clocks.map((c) => c.id)) },
          order: { id: 'ASC' },
        })
      : [];
    const now = this.time.now();
    return clocks.map((clock) =>
      toDeadlineView(
        clock,
        now,
        history.filter((h) => h.clockId === clock.id),
      ),
    );
  }

  /**
   * Open working-day clocks whose window spans a changed date get their due date recomputed on the new
   * calendar, with a history row saying why. Other units do not count bank holidays.
   */
  private async recomputeForCalendar(
    m: EntityManager,
    calendar: WorkingDayCalendar,
    change: BankHolidayChange,
  ): Promise<number> {
    const dates = [change.date, ...(change.replaces ? [change.replaces] : [])];
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM clock
        WHERE status IN ('running', 'paused') AND unit = 'WD'
          AND EXISTS (SELECT 1 FROM unnest($1::date[]) AS changed(day)
                       WHERE changed.day BETWEEN least(basis_date, due_date)
                         AND greatest(basis_date, due_date, (paused_since AT TIME ZONE 'Europe/London')::date))
        ORDER BY id FOR UPDATE`,
      [dates],
    );
    if (!rows.length) return 0;
    const clocks = await m.getRepository(Clock).findBy({ id: In(rows.map((r) => r.id)) });
    const why: ClockChange = change.replaces ? 'bank-holiday-moved' : 'bank-holiday-added';
    let recomputed = 0;
    for (const clock of clocks) {
      const before = dueOf(clock);
      const due = dueWithPauses(
        clockRule(clock.ruleId),
        clock.windowAmount,
        basisOf(clock),
        this.pausesOf(clock),
        calendar,
      );
      if (due.dueDate === before.dueDate) continue;
      this.setDue(clock, due);
      await this.save(m, clock, why, before, {
        date: change.date,
        name: change.name,
        ...(change.replaces ? { replaces: change.replaces } : {}),
      });
      recomputed++;
    }
    return recomputed;
  }

  private within<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (manager?.queryRunner?.isTransactionActive) return work(manager);
    return (manager ?? this.dataSource.manager).transaction(work);
  }

  private async lock(m: EntityManager, caseId: string, key: { ruleId: ClockRuleId; subject: string }) {
    const clock = await m.getRepository(Clock).findOne({
      where: { caseId, ruleId: key.ruleId, subject: key.subject },
      lock: { mode: 'pessimistic_write' },
    });
    if (!clock) throw new ClockNotFoundError(caseId, key.ruleId, key.subject);
    return clock;
  }

  private lockWhere(m: EntityManager, caseId: string, where: FindOptionsWhere<Clock>) {
    return m.getRepository(Clock).find({
      where: { caseId, ...where },
      order: { ruleId: 'ASC', subject: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async lockEach(m: EntityManager, caseId: string, keys: ClockKey[], from: string, verb: string) {
    const clocks: Clock[] = [];
    for (const key of keys) {
      const clock = await this.lock(m, caseId, keyOf(key));
      if (clock.status !== from) {
        throw new ConflictException(`${clock.ruleId} is ${clock.status}, so it cannot be ${verb}`);
      }
      clocks.push(clock);
    }
    return clocks;
  }

  private pausesOf(clock: Clock) {
    return clock.pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to), reason: p.reason }));
  }

  private endPause(clock: Clock, to: Date) {
    const pause = {
      from: clock.pausedSince!.toISOString(),
      to: to.toISOString(),
      reason: clock.pauseReason!,
      ...(clock.pauseText ? { text: clock.pauseText } : {}),
    };
    clock.pauses = [...clock.pauses, pause];
    clock.pausedSince = null;
    clock.pauseReason = null;
    clock.pauseText = null;
    return pause;
  }

  private setDue(clock: Clock, due: DueResult): void {
    clock.dueDate = due.dueDate;
    clock.dueAt = due.dueAt ?? null;
    // The reminder tick looks again now: the next reminder may have come nearer or gone further away.
    if (clock.status === 'running') clock.nextReminderAt = this.time.now();
  }

  private async save(
    m: EntityManager,
    clock: Clock,
    change: ClockChange,
    before: DueResult | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    await m.getRepository(Clock).save(clock);
    await this.history(m, clock, change, before, details);
  }

  private async history(
    m: EntityManager,
    clock: Clock,
    change: ClockChange,
    before: DueResult | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    await m.getRepository(ClockHistory).insert({
      clockId: clock.id,
      at: this.time.now(),
      change,
      dueDateBefore: before?.dueDate ?? null,
      dueDateAfter: clock.dueDate,
      dueAtBefore: before?.dueAt ?? null,
      dueAtAfter: clock.dueAt,
      // Through JSON, so what is stored is exactly what a reader gets back (instants as ISO strings).
      details: JSON.parse(JSON.stringify(details)) as object,
    });
  }

  /** For GET /api/deadlines: clocks of the given organisations, filtered as the contract says. */
  async listForOrganisations(
    organisationIds: string[],
    filter: { status?: string; dueBefore?: IsoDate; organisationId?: string },
  ): Promise<DeadlineView[]> {
    if (!organisationIds.length) return [];
    const now = this.time.now();
    const qb = this.dataSource
      .getRepository(Clock)
      .createQueryBuilder('c')
      .where('c.organisationIds && :visible::uuid[]', { visible: organisationIds });
    if (filter.organisationId) qb.andWhere(':org = ANY(c.organisationIds)', { org: filter.organisationId });
    if (filter.dueBefore) qb.andWhere('c.dueDate < :dueBefore', { dueBefore: filter.dueBefore });
    const late = '(CASE WHEN c.dueAt IS NULL THEN c.dueDate < :today ELSE c.dueAt < :now END)';
    const at = { today: londonDateOf(now), now };
    if (filter.status === 'pending') qb.andWhere(`c.status = 'running' AND NOT ${late}`, at);
    else if (filter.status === 'overdue') qb.andWhere(`c.status = 'running' AND ${late}`, at);
    else if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    const clocks = await qb
      .orderBy('c.dueDate', 'ASC')
      .addOrderBy('c.caseReference', 'ASC')
      .addOrderBy('c.ruleId', 'ASC')
      .getMany();
    return clocks.map((clock) => toDeadlineView(clock, now));
  }
}
