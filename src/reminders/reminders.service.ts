import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IsoDate } from '../calendar/iso-date';
import { londonDateOf } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import { CLOCK_RULES, clockRule, ClockRuleId } from '../deadlines/rules/clock-rules';
import type { AuthenticatedUser } from '../identity/permissions';
import type { OutboxMessageKind } from './email-outbox.entity';
import type { ReminderKind } from './reminder-schedule';

const INBOX_SIZE = 100;
const UPCOMING_SIZE = 50;

export interface ReminderView {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  kind: ReminderKind;
  forDate: IsoDate;
  read: boolean;
  readAt?: Date;
  caseId: string;
  caseReference: string;
  link: string;
  rule: ClockRuleId;
  ruleTitle: string;
  dueDate: IsoDate;
  dueAt?: Date;
}

export interface UpcomingReminderView {
  clockId: string;
  caseId: string;
  caseReference: string;
  link: string;
  rule: ClockRuleId;
  ruleTitle: string;
  dueDate: IsoDate;
  dueAt?: Date;
  /** The London date of the next reminder about this clock. */
  nextReminderOn: IsoDate;
}

export interface Inbox {
  unread: number;
  reminders: ReminderView[];
  upcoming: UpcomingReminderView[];
}

export interface DeliveryFailureView {
  id: string;
  message: OutboxMessageKind;
  to: string;
  status: 'pending' | 'failed';
  attempts: number;
  lastError: string;
  lastAttemptAt: Date;
  nextAttemptAt?: Date;
  caseReference?: string;
  /** The reminder's, for reminder emails only. */
  reminderId?: string;
  kind?: ReminderKind;
  rule?: ClockRuleId;
}

interface ReminderRow {
  id: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  kind: ReminderKind;
  for_date: IsoDate;
  read_at: Date | null;
  due_date: IsoDate;
  due_at: Date | null;
  case_id: string;
  case_reference: string;
  case_path: string;
  rule_id: ClockRuleId;
}

const REMINDER_COLUMNS = `r.id, r.created_at, r.updated_at, r.version, r.kind, r.for_date::text AS for_date,
  r.read_at, r.due_date::text AS due_date, r.due_at, c.case_id, c.case_reference, c.case_path, c.rule_id`;

function reminderView(row: ReminderRow): ReminderView {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    kind: row.kind,
    forDate: row.for_date,
    read: row.read_at !== null,
    ...(row.read_at ? { readAt: row.read_at } : {}),
    caseId: row.case_id,
    caseReference: row.case_reference,
    link: row.case_path,
    rule: row.rule_id,
    ruleTitle: clockRule(row.rule_id).title,
    dueDate: row.due_date,
    ...(row.due_at ? { dueAt: row.due_at } : {}),
  };
}

/** What a person sees of their reminders, and what administrators see of failed email deliveries. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly time: TimeSource,
  ) {}

  async unreadCount(user: AuthenticatedUser): Promise<number> {
    const [{ unread }]: { unread: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS unread FROM reminder WHERE user_id = $1 AND read_at IS NULL',
      [user.id],
    );
    return unread;
  }

  /** The latest reminders with read state, and the clocks the user owes that will remind them next. */
  async inbox(user: AuthenticatedUser): Promise<Inbox> {
    const unread = await this.unreadCount(user);
    const rows: ReminderRow[] = await this.dataSource.query(
      `SELECT ${REMINDER_COLUMNS} FROM reminder r JOIN clock c ON c.id = r.clock_id
        WHERE r.user_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2`,
      [user.id, INBOX_SIZE],
    );
    return { unread, reminders: rows.map(reminderView), upcoming: await this.upcoming(user) };
  }

  async markRead(user: AuthenticatedUser, id: string): Promise<ReminderView> {
    const rows: ReminderRow[] = await this.dataSource.query(
      `WITH marked AS (
         UPDATE reminder SET read_at = coalesce(read_at, $3), version = version + (read_at IS NULL)::int,
                updated_at = CASE WHEN read_at IS NULL THEN now() ELSE updated_at END
          WHERE id = $1 AND user_id = $2 RETURNING *)
       SELECT ${REMINDER_COLUMNS} FROM marked r JOIN clock c ON c.id = r.clock_id`,
      [id, user.id, this.time.now()],
    );
    if (!rows.length) throw new NotFoundException('No reminder with this id was found in your inbox');
    return reminderView(rows[0]);
  }

  /** Messages given up after the last attempt, and those still being retried after a failure. */
  async deliveryFailures(): Promise<DeliveryFailureView[]> {
    const rows: {
      id: string;
      message: OutboxMessageKind;
      to_address: string;
      status: 'pending' | 'failed';
      attempts: number;
      last_error: string;
      last_attempt_at: Date;
      next_attempt_at: Date;
      case_reference: string | null;
      reminder_id: string | null;
      kind: ReminderKind | null;
      rule_id: ClockRuleId | null;
    }[] = await this.dataSource.query(
      `SELECT o.id, o.kind AS message, o.to_address, o.status, o.attempts, o.last_error, o.last_attempt_at,
              o.next_attempt_at, o.case_reference, o.reminder_id, r.kind, c.rule_id
         FROM email_outbox o
         LEFT JOIN reminder r ON r.id = o.reminder_id
         LEFT JOIN clock c ON c.id = r.clock_id
        WHERE o.last_error IS NOT NULL AND o.status <> 'sent'
        ORDER BY o.last_attempt_at DESC LIMIT 500`,
    );
    return rows.map((row) => ({
      id: row.id,
      message: row.message,
      to: row.to_address,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      lastAttemptAt: row.last_attempt_at,
      ...(row.status === 'pending' ? { nextAttemptAt: row.next_attempt_at } : {}),
      ...(row.case_reference ? { caseReference: row.case_reference } : {}),
      ...(row.reminder_id ? { reminderId: row.reminder_id } : {}),
      ...(row.kind ? { kind: row.kind } : {}),
      ...(row.rule_id ? { rule: row.rule_id } : {}),
    }));
  }

  private async upcoming(user: AuthenticatedUser): Promise<UpcomingReminderView[]> {
    const owed = CLOCK_RULES.filter((rule) => rule.owedByRoles.some((role) => user.roles.includes(role)));
    if (!owed.length || !user.organisationIds.length) return [];
    const now = this.time.now();
    const rows: {
      id: string;
      case_id: string;
      case_reference: string;
      case_path: string;
      rule_id: ClockRuleId;
      due_date: IsoDate;
      due_at: Date | null;
      next_reminder_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, case_id, case_reference, case_path, rule_id, due_date::text AS due_date, due_at, next_reminder_at
         FROM clock
        WHERE status = 'running' AND organisation_ids && $1::uuid[] AND rule_id = ANY($2::text[])
        ORDER BY due_date, due_at NULLS LAST, case_reference LIMIT $3`,
      [user.organisationIds, owed.map((rule) => rule.id), UPCOMING_SIZE],
    );
    return rows.map((row) => {
      const next = row.next_reminder_at && row.next_reminder_at > now ? row.next_reminder_at : now;
      return {
        clockId: row.id,
        caseId: row.case_id,
        caseReference: row.case_reference,
        link: row.case_path,
        rule: row.rule_id,
        ruleTitle: clockRule(row.rule_id).title,
        dueDate: row.due_date,
        ...(row.due_at ? { dueAt: row.due_at } : {}),
        nextReminderOn: londonDateOf(next),
      };
    });
  }
}
