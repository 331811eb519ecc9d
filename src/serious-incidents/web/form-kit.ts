import { HttpException } from '@nestjs/common';
import { readDateInput } from '../../web/forms/dates';
import { FormErrors, formErrors } from '../../web/forms/form';

/** A field of a form described in code and drawn by `serious-incidents/fields.njk`. */
export interface FormField {
  kind: 'input' | 'textarea' | 'radios' | 'checkboxes' | 'select' | 'date';
  name: string;
  label: string;
  hint?: string;
  items?: { value: string; text: string; checked?: boolean; selected?: boolean; hint?: { text: string } }[];
  inline?: boolean;
  classes?: string;
  rows?: number;
  date?: { day: unknown; month: unknown; year: unknown };
}

export interface FieldError {
  field: string;
  text: string;
}

/** What the posted form says, as a field → value map, collecting errors as it goes. */
export class FormReader {
  readonly errors: FieldError[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  text(name: string, requiredMessage?: string): string | undefined {
    const raw = this.body[name];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!value && requiredMessage) this.errors.push({ field: name, text: requiredMessage });
    return value || undefined;
  }

  date(name: string, label: string, requiredMessage?: string): string | undefined {
    const outcome = readDateInput(
      name,
      { day: this.body[`${name}-day`], month: this.body[`${name}-month`], year: this.body[`${name}-year`] },
      label,
    );
    if ('date' in outcome) return outcome.date;
    if ('error' in outcome) this.errors.push({ field: name, text: outcome.error });
    else if (requiredMessage) this.errors.push({ field: name, text: requiredMessage });
    return undefined;
  }

  choice<T extends string>(name: string, options: readonly T[], requiredMessage?: string): T | undefined {
    const value = this.body[name];
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    if (requiredMessage) this.errors.push({ field: name, text: requiredMessage });
    return undefined;
  }

  yesNo(name: string, requiredMessage?: string): boolean | undefined {
    const value = this.choice(name, ['yes', 'no'] as const, requiredMessage);
    return value === undefined ? undefined : value === 'yes';
  }

  many(name: string): string[] {
    const value = this.body[name];
    if (value === undefined || value === null || value === '') return [];
    return (Array.isArray(value) ? value : [value]).map(String);
  }

  /** One entry per non-empty line of a textarea. */
  lines(name: string): string[] {
    return (this.text(name) ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  }

  version(): number | undefined {
    const parsed = Number.parseInt(String(this.body.version ?? ''), 10);
    return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
  }
}

/** An API field the services name, mapped onto a form field and the label to read it by. */
export type FieldMap = Record<string, string>;

/**
 * A service's refusal (400, 409 or 422, messages such as `submittedOn cannot be in the future`) as
 * errors on the page's fields; anything not the user's to fix is thrown on.
 */
export function serviceErrors(
  error: unknown,
  map: FieldMap,
  fallback: string,
  anchors: Record<string, string>,
): FormErrors {
  const status = error instanceof HttpException ? error.getStatus() : undefined;
  if (status !== 400 && status !== 409 && status !== 422) throw error;
  const response = (error as HttpException).getResponse();
  const raw = (response as { message?: unknown }).message ?? response;
  const known = Object.keys(map).sort((a, b) => b.length - a.length);
  return formErrors(
    (Array.isArray(raw) ? raw : [raw]).map(String).map((message) => {
      const api = known.find((f) => message.startsWith(`${f}: `) || message.startsWith(`${f} `));
      return api ? { field: map[api], text: message } : { field: fallback, text: message };
    }),
    { anchors },
  );
}

export const yesNoItems = (value: boolean | null | undefined | string) => [
  { value: 'yes', text: 'Yes', checked: value === true || value === 'yes' },
  { value: 'no', text: 'No', checked: value === false || value === 'no' },
];

export function optionItems(options: Readonly<Record<string, string>>, chosen: unknown) {
  const picked = Array.isArray(chosen) ? chosen.map(String) : [String(chosen ?? '')];
  return Object.entries(options).map(([value, text]) => ({ value, text, checked: picked.includes(value) }));
}

export function dateBoxes(values: Record<string, unknown>, name: string): FormField['date'] {
  return {
    day: values[`${name}-day`] ?? '',
    month: values[`${name}-month`] ?? '',
    year: values[`${name}-year`] ?? '',
  };
}

export function dateValues(name: string, date: string | null | undefined): Record<string, string> {
  if (!date) return {};
  const [year, month, day] = date.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year,
  };
}

/** Date fields' error links go to the day box. */
export function dateAnchors(fields: FormField[]): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => f.kind === 'date').map((f) => [f.name, `${f.name}-day`]));
}
