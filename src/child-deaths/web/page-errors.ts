import { HttpException } from '@nestjs/common';
import { FormErrors, formErrors } from '../../web/forms/form';

/** How an API field the services name maps onto a form field on a page, with the label to read it by. */
export type FieldMap = Record<string, { field: string; label: string }>;

/**
 * A service's refusal (400, 409 or 422 with messages like `child.nhsNumber: NHS number must be…`) as
 * errors on the page's own fields. Messages naming no known field go on `fallbackField`. Anything else
 * is not the user's to fix, and is thrown on.
 */
export function pageErrors(
  error: unknown,
  map: FieldMap,
  fallbackField: string,
  anchors: Record<string, string> = {},
): FormErrors {
  const status = error instanceof HttpException ? error.getStatus() : undefined;
  if (status !== 400 && status !== 409 && status !== 422) throw error;
  const response = (error as HttpException).getResponse();
  const raw = (response as { message?: unknown }).message ?? response;
  const messages = (Array.isArray(raw) ? raw : [raw]).map(String);
  const known = Object.keys(map).sort((a, b) => b.length - a.length);
  return formErrors(
    messages.map((message) => {
      const api = known.find((f) => message.startsWith(`${f}: `) || message.startsWith(`${f} `));
      if (!api) return { field: fallbackField, text: message };
      const rest = message.slice(api.length).replace(/^:\s*/, '').trim();
      const text = /^[A-Z]/.test(rest) ? rest : `${map[api].label} ${rest}`;
      return { field: map[api].field, text };
    }),
    { anchors },
  );
}

/** One list item per non-empty line of a textarea. */
export function lines(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [];
}

/** Checkbox groups post one value or several. */
export function many(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function yesNo(value: unknown): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}
