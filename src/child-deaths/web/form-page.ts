import type { Role } from '../../identity/permissions';
import type { AuthenticatedUser } from '../../identity/permissions';
import { dateInputValues, readDateInput } from '../../web/forms/dates';
import type { CaseView } from '../case-view';
import { londonInstant } from '../case-facts';
import type { FieldMap } from './page-errors';

export type FieldKind = 'input' | 'textarea' | 'radios' | 'checkboxes' | 'select' | 'date';

export interface FormField {
  kind: FieldKind;
  name: string;
  label: string;
  hint?: string;
  items?: { value: string; text: string; checked?: boolean; selected?: boolean; hint?: { text: string } }[];
  inline?: boolean;
  classes?: string;
  inputType?: string;
  rows?: number;
  /** For a date field: the three boxes' values. */
  date?: { day: unknown; month: unknown; year: unknown };
}

export interface FieldError {
  field: string;
  text: string;
}

export type Read<T> = { value: T } | { errors: FieldError[] };

/** One form about a case: what it asks, how it reads the answers and which service call they make. */
export interface CaseFormSpec<T> {
  /** Who may use it; others get 403 before seeing it. */
  roles: Role[];
  heading: string;
  submitText: string;
  intro?(view: CaseView): string[];
  warnings?(view: CaseView): string[];
  fields(view: CaseView, values: Record<string, unknown>, extra: FormExtra): FormField[];
  /** The values a form opens with, before anything is typed. */
  initial?(view: CaseView, extra: FormExtra): Record<string, unknown>;
  read(body: Record<string, unknown>, view: CaseView, extra: FormExtra): Read<T>;
  submit(user: AuthenticatedUser, view: CaseView, value: T, extra: FormExtra): Promise<unknown>;
  /** The record version the form carries for optimistic locking; the case's unless said otherwise. */
  formVersion?(view: CaseView): number | undefined;
  fieldMap: FieldMap;
  fallback: string;
  /** The confirmation key the case page shows, and the section it opens at. */
  done: string;
  section: string;
  /** Where the form posts, after /child-deaths/:caseId/. */
  path: (extra: FormExtra) => string;
}

/** Route parameters beyond the case, such as the meeting being recorded as held. */
export interface FormExtra {
  meetingId?: string;
  /** The version the form was read at, as posted back. */
  version?: number;
}

/** The three boxes of a date field as posted, for showing them again. */
export function dateField(values: Record<string, unknown>, name: string): FormField['date'] {
  const typed = { day: values[`${name}-day`], month: values[`${name}-month`], year: values[`${name}-year`] };
  return typed.day === undefined && typed.month === undefined && typed.year === undefined
    ? dateInputValues(undefined)
    : typed;
}

export function dateValues(name: string, date: string | undefined): Record<string, string> {
  const d = dateInputValues(date);
  return { [`${name}-day`]: d.day, [`${name}-month`]: d.month, [`${name}-year`]: d.year };
}

/** Reads a required (or optional) date; pushes its error. */
export function readDate(
  body: Record<string, unknown>,
  name: string,
  label: string,
  errors: FieldError[],
  required = true,
): string | undefined {
  const outcome = readDateInput(
    name,
    { day: body[`${name}-day`], month: body[`${name}-month`], year: body[`${name}-year`] },
    label,
  );
  if ('date' in outcome) return outcome.date;
  if ('error' in outcome) errors.push({ field: name, text: outcome.error });
  else if (required) errors.push({ field: name, text: `Enter the ${label.toLowerCase()}` });
  return undefined;
}

/** A date and an HH:MM time as the instant London's clocks showed. */
export function readInstant(
  body: Record<string, unknown>,
  date: { name: string; label: string },
  time: { name: string; label: string },
  errors: FieldError[],
  required = true,
): string | undefined {
  const day = readDate(body, date.name, date.label, errors, required);
  const typed = typeof body[time.name] === 'string' ? (body[time.name] as string).trim() : '';
  if (!day) return undefined;
  if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(typed)) {
    errors.push({
      field: time.name,
      text: `Enter the ${time.label.toLowerCase()} as hours and minutes, like 14:30`,
    });
    return undefined;
  }
  return londonInstant(day, typed.padStart(5, '0')).toISOString();
}

export function text(body: Record<string, unknown>, name: string): string {
  return typeof body[name] === 'string' ? (body[name] as string).trim() : '';
}

export function required(
  body: Record<string, unknown>,
  name: string,
  message: string,
  errors: FieldError[],
): string {
  const value = text(body, name);
  if (!value) errors.push({ field: name, text: message });
  return value;
}

export function choice<T extends string>(
  body: Record<string, unknown>,
  name: string,
  options: readonly T[],
  message: string,
  errors: FieldError[],
): T | undefined {
  const value = body[name];
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  errors.push({ field: name, text: message });
  return undefined;
}

export function versionOf(body: Record<string, unknown>): number | undefined {
  const parsed = Number.parseInt(String(body.version ?? ''), 10);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}
