import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { BankHoliday, bankHolidaysFor, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bank-holidays';
import { BankHolidayChange } from './bank-holiday-change.entity';
import { IsoDate, parseIsoDate } from './iso-date';
import type { ProclaimedChange } from './proclaimed-changes';
import { WorkingDayCalendar } from './working-days';

/**
 * Called inside the transaction that adds a bank holiday change, with the calendar as it will be once
 * the change commits. Returns how many clocks it recomputed.
 */
export type CalendarChangeListener = (
  manager: EntityManager,
  calendar: WorkingDayCalendar,
  change: BankHolidayChange,
) => Promise<number>;

export interface BankHolidayChangeResult {
  change: BankHolidayChange;
  recomputedClocks: number;
}

interface Snapshot {
  seq: string;
  changes: ProclaimedChange[];
  calendar: WorkingDayCalendar;
}

// Writers of due dates hold it shared and a bank holiday change holds it exclusively, so no clock can be
// started on the old calendar while a change is recomputing the clocks already running.
const CALENDAR_LOCK = 7_642_000;

/**
 * The England and Wales calendar with the proclaimed changes stored in PostgreSQL. Built once and kept;
 * each use checks the latest change's sequence number (one index lookup), so a change made through
 * another instance is seen on the very next call.
 */
@Injectable()
export class CalendarService {
  private snapshot?: Snapshot;
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  onChange(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  async calendar(manager?: EntityManager): Promise<WorkingDayCalendar> {
    return (await this.current(manager)).calendar;
  }

  /** For a transaction that stores a due date: waits for a bank holiday change in progress, then sees it. */
  async calendarForUpdate(manager: EntityManager): Promise<WorkingDayCalendar> {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [CALENDAR_LOCK]);
    return this.calendar(manager);
  }

  async bankHolidays(year: number): Promise<BankHoliday[]> {
    return bankHolidaysFor(year, (await this.current()).changes);
  }

  /** Every proclaimed change, in the order it applies. */
  changes(): Promise<BankHolidayChange[]> {
    return this.dataSource.getRepository(BankHolidayChange).find({ order: { seq: 'ASC' } });
  }

  async addChange(input: ProclaimedChange, actor: AuthenticatedUser): Promise<BankHolidayChangeResult> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK]);
      const { changes, calendar } = await this.current(m);
      assertApplicable(input, calendar);
      const next = WorkingDayCalendar.fromChanges([...changes, input]);
      const change = await m.getRepository(BankHolidayChange).save(
        m.getRepository(BankHolidayChange).create({
          date: input.date,
          name: input.name,
          replaces: input.replaces ?? null,
          createdBy: actor.id,
        }),
      );
      let recomputedClocks = 0;
      for (const listener of this.listeners) recomputedClocks += await listener(m, next, change);
      await this.audit.record(
        {
          action: input.replaces ? 'calendar.bank-holiday-move' : 'calendar.bank-holiday-add',
          actor,
          details: { date: input.date, name: input.name, replaces: input.replaces, recomputedClocks },
        },
        m,
      );
      return { change, recomputedClocks };
    });
  }

  private async current(manager?: EntityManager): Promise<Snapshot> {
    const db = manager ?? this.dataSource.manager;
    const [{ seq }]: { seq: string }[] = await db.query(
      'SELECT coalesce(max(seq), 0)::text AS seq FROM bank_holiday_change',
    );
    if (this.snapshot?.seq === seq) return this.snapshot;
    const rows: { date: IsoDate; name: string; replaces: IsoDate | null }[] = await db.query(
      'SELECT date::text AS date, name, replaces::text AS replaces FROM bank_holiday_change WHERE seq <= $1 ORDER BY seq',
      [seq],
    );
    const changes = rows.map(({ date, name, replaces }) => ({
      date,
      name,
      ...(replaces ? { replaces } : {}),
    }));
    const snapshot = { seq, changes, calendar: WorkingDayCalendar.fromChanges(changes) };
    // A snapshot read inside someone's transaction may include their uncommitted change; it is still
    // keyed by its sequence number, so it is only reused while that number is the latest committed one.
    this.snapshot = snapshot;
    return snapshot;
  }
}

function inSupportedYears(date: IsoDate): boolean {
  const { year } = parseIsoDate(date);
  return year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
}

/** Refuses a change that would leave the calendar wrong, naming the field at fault. */
function assertApplicable(input: ProclaimedChange, calendar: WorkingDayCalendar): void {
  const problems: string[] = [];
  const range = `${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}`;
  if (!inSupportedYears(input.date)) {
    problems.push(`date must be in the years the calendar covers (${range})`);
  } else if (calendar.isBankHoliday(input.date) && input.date !== input.replaces) {
    problems.push(`date ${input.date} is already a bank holiday`);
  }
  if (input.replaces !== undefined) {
    if (!inSupportedYears(input.replaces)) {
      problems.push(`replaces must be in the years the calendar covers (${range})`);
    } else if (!calendar.isBankHoliday(input.replaces)) {
      problems.push(`replaces ${input.replaces} is not a bank holiday, so there is nothing to move`);
    } else if (input.replaces === input.date) {
      problems.push('replaces must be a different date from date: a holiday cannot move onto itself');
    }
  }
  if (problems.length) throw new BadRequestException(problems);
}
