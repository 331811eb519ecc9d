import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { addDays, IsoDate, londonDateOf, londonMidnight } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import { WorkingDayCalendar } from '../calendar/working-days';
import { AppConfig } from '../config/app-config';
import { clockRule } from '../deadlines/rules/clock-rules';
import { EmailTemplates } from './email-templates';
import { nextReminderAt, ReminderKind, reminderDueNow } from './reminder-schedule';

/**
 * The tick's question, answered from the partial index clock_reminder_due: running clocks whose next
 * reminder instant has come. SKIP LOCKED lets several instances share the work instead of queueing.
 */
export const DUE_CLOCKS_SQL = `
  SELECT id, rule_id, due_date::text AS due_date, due_at
    FROM clock
   WHERE status = 'running' AND next_reminder_at <= $1
   ORDER BY next_reminder_at
   LIMIT $2
   FOR UPDATE SKIP LOCKED`;

export const TICK_BATCH = 500;

interface DueClock {
  id: string;
  rule_id: string;
  due_date: IsoDate;
  due_at: Date | null;
}

interface Slot {
  clockId: string;
  kind: ReminderKind;
  forDate: IsoDate;
  roles: readonly string[];
  /** Escalations skip people already reminded as owing the action. */
  excludeRoles: readonly string[];
}

interface CreatedReminder {
  id: string;
  kind: ReminderKind;
  due_date: IsoDate;
  due_at: Date | null;
  email: string;
  case_reference: string;
  case_path: string;
  rule_id: string;
}

// The reminder key (clock, user, kind, day) is unique, so an instance that loses a race, or a tick
// repeated after a restart, inserts nothing and therefore writes no second email.
const CREATE_REMINDERS_SQL = `
  WITH slot AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[])
      AS s(clock_id, kind, for_date, roles, exclude_roles)
  ), created AS (
    INSERT INTO reminder (clock_id, user_id, kind, for_date, due_date, due_at)
    SELECT s.clock_id, u.id, s.kind, s.for_date, c.due_date, c.due_at
      FROM slot s
      JOIN clock c ON c.id = s.clock_id
      JOIN app_user u ON u.active
       AND u.organisation_ids && c.organisation_ids
       AND u.roles && string_to_array(s.roles, ',')
       AND NOT (u.roles && string_to_array(s.exclude_roles, ','))
    ON CONFLICT (clock_id, user_id, kind, for_date) DO NOTHING
    RETURNING id, clock_id, user_id, kind, due_date, due_at
  )
  SELECT created.id, created.kind, created.due_date::text AS due_date, created.due_at,
         u.email, c.case_reference, c.case_path, c.rule_id
    FROM created
    JOIN app_user u ON u.id = created.user_id
    JOIN clock c ON c.id = created.clock_id`;

/**
 * Creates the reminders that are due: for the people who owe each clock (its rule's roles in the clock's
 * organisations) and, for overdue statutory clocks, their managers. Finds everything due now, not only
 * what fell due since the last tick, so reminders missed while the portal was down are created on start.
 */
@Injectable()
export class ReminderTickService {
  private readonly logger = new Logger('Reminders');
  private readonly templates = new EmailTemplates();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  /** Returns how many reminders were created. */
  async createDueReminders(): Promise<number> {
    const now = this.time.now();
    const calendar = await this.calendar.calendar();
    let created = 0;
    for (;;) {
      const { clocks, reminders } = await this.dataSource.transaction(async (m) => {
        const due: DueClock[] = await m.query(DUE_CLOCKS_SQL, [now, TICK_BATCH]);
        return { clocks: due.length, reminders: await this.remind(m, due, now, calendar) };
      });
      created += reminders;
      if (clocks < TICK_BATCH) return created;
    }
  }

  private async remind(m: EntityManager, clocks: DueClock[], now: Date, calendar: WorkingDayCalendar) {
    if (!clocks.length) return 0;
    const slots: Slot[] = [];
    const next: Date[] = [];
    for (const clock of clocks) {
      const { slot, nextAt } = this.plan(clock, now, calendar);
      next.push(nextAt);
      if (!slot) continue;
      const rule = clockRule(clock.rule_id);
      slots.push({ clockId: clock.id, ...slot, roles: rule.owedByRoles, excludeRoles: [] });
      if (slot.kind === 'overdue' && rule.escalateToRoles.length) {
        slots.push({
          clockId: clock.id,
          kind: 'escalation',
          forDate: slot.forDate,
          roles: rule.escalateToRoles,
          excludeRoles: rule.owedByRoles,
        });
      }
    }
    const created: CreatedReminder[] = slots.length
      ? await m.query(CREATE_REMINDERS_SQL, [
          slots.map((s) => s.clockId),
          slots.map((s) => s.kind),
          slots.map((s) => s.forDate),
          slots.map((s) => s.roles.join(',')),
          slots.map((s) => s.excludeRoles.join(',')),
        ])
      : [];
    if (this.config.SMTP_HOST && created.length) await this.writeEmails(m, created, now);
    await m.query(
      `UPDATE clock SET next_reminder_at = n.next_at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS n(id, next_at) WHERE clock.id = n.id`,
      [clocks.map((c) => c.id), next],
    );
    return created.length;
  }

  private plan(clock: DueClock, now: Date, calendar: WorkingDayCalendar) {
    const offsets = clockRule(clock.rule_id).reminderOffsets.beforeWorkingDays;
    const due = { dueDate: clock.due_date, ...(clock.due_at ? { dueAt: clock.due_at } : {}) };
    try {
      return {
        slot: reminderDueNow(offsets, due, now, calendar),
        nextAt: nextReminderAt(offsets, due, now, calendar),
      };
    } catch (error) {
      // A due date the calendar cannot count from (beyond its last year) must not block every other clock.
      this.logger.error({ clockId: clock.id, err: (error as Error).message }, 'cannot plan reminders');
      return { slot: undefined, nextAt: londonMidnight(addDays(londonDateOf(now), 1)) };
    }
  }

  private async writeEmails(m: EntityManager, reminders: CreatedReminder[], now: Date): Promise<void> {
    const emails = reminders.map((r) =>
      this.templates.render({
        kind: r.kind,
        caseReference: r.case_reference,
        ruleId: r.rule_id,
        ruleTitle: clockRule(r.rule_id).title,
        dueDate: r.due_date,
        ...(r.due_at ? { dueAt: r.due_at } : {}),
        link: `${this.config.publicUrl}${r.case_path}`,
      }),
    );
    await m.query(
      `INSERT INTO email_outbox (kind, reminder_id, case_reference, to_address, subject, text_body, html_body,
                                 next_attempt_at)
       SELECT 'reminder', *, $7::timestamptz
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        reminders.map((r) => r.id),
        reminders.map((r) => r.case_reference),
        reminders.map((r) => r.email),
        emails.map((e) => e.subject),
        emails.map((e) => e.text),
        emails.map((e) => e.html),
        now,
      ],
    );
  }
}
