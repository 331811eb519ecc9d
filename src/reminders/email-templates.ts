import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import type { IsoDate } from '../calendar/iso-date';
import type { ReminderKind } from './reminder-schedule';

/**
 * Everything a reminder email may say. Deliberately only the case reference, the rule, the due date and a
 * link: emails leave the portal, so they never carry a child's name or anything else about the child.
 */
export interface ReminderEmailData {
  kind: ReminderKind;
  caseReference: string;
  ruleId: string;
  ruleTitle: string;
  dueDate: IsoDate;
  dueAt?: Date;
  link: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Compiled = {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
};

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2026-06-01' → 'Monday 1 June 2026' (GOV.UK style, no comma). */
function longDate(date: IsoDate): string {
  const noon = new Date(`${date}T12:00:00Z`);
  return `${WEEKDAY.format(noon)} ${DAY_MONTH_YEAR.format(noon)}`;
}
const DUE_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

/** templates/email, found by walking up so it works from src/ under jest and from dist/ when built. */
function templatesDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'email');
    if (existsSync(join(candidate, 'reminder.text.hbs'))) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`No templates/email/reminder.text.hbs found above ${__dirname}`);
  }
}

/** A template under templates/email, named without its suffix: 'reminder', 'child-deaths/cdrm-invitation'. */
const TEMPLATE_NAME = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** Values a template may show. Emails leave the portal: never a child's name or anything about the child. */
export type EmailContext = Record<string, string | boolean>;

/** Emails from Handlebars templates in templates/email: `<name>.subject.hbs`, `.text.hbs` and `.html.hbs`. */
export class EmailTemplates {
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly dir = templatesDir()) {}

  /** The reminder and escalation emails. */
  render(data: ReminderEmailData): RenderedEmail {
    return this.renderTemplate(data.kind === 'escalation' ? 'escalation' : 'reminder', {
      caseReference: data.caseReference,
      ruleId: data.ruleId,
      ruleTitle: data.ruleTitle,
      dueDate: longDate(data.dueDate),
      dueTime: data.dueAt ? DUE_TIME.format(data.dueAt).replace(/\s/g, '').toLowerCase() : '',
      link: data.link,
      dueToday: data.kind === 'due-today',
      overdue: data.kind === 'overdue',
    });
  }

  renderTemplate(name: string, context: EmailContext): RenderedEmail {
    const template = this.template(name);
    return {
      subject: template.subject(context).replace(/\s+/g, ' ').trim(),
      text: template.text(context),
      html: template.html(context),
    };
  }

  private template(name: string): Compiled {
    if (!TEMPLATE_NAME.test(name)) throw new Error(`Not an email template name: ${name}`);
    let compiled = this.compiled.get(name);
    if (!compiled) {
      const load = (suffix: string, escape: boolean) =>
        Handlebars.compile(readFileSync(join(this.dir, `${name}.${suffix}.hbs`), 'utf8'), {
          noEscape: !escape,
          strict: true,
        });
      compiled = {
        // Subjects and plain text are not HTML: escaping would show "&amp;" to the reader.
        subject: load('subject', false),
        text: load('text', false),
        html: load('html', true),
      };
      this.compiled.set(name, compiled);
    }
    return compiled;
  }
}
