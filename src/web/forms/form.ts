import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';

/** One entry of the GOV.UK error summary: the message, and a link to the field it is about. */
export interface SummaryError {
  text: string;
  href: string;
}

/** What a form template needs: `errors.list` for the summary, `errors.byField.x` for each inline error. */
export interface FormErrors {
  list: SummaryError[];
  byField: Record<string, { text: string }>;
}

export type FormOutcome<T> =
  { valid: true; value: T } | { valid: false; errors: FormErrors; values: Record<string, unknown> };

export interface FormOptions {
  /** Field → the id of the element the summary links to, when it is not the field name with `.` → `-`
   *  (a date input links to its day box: `{ dateOfDeath: 'dateOfDeath-day' }`). */
  anchors?: Record<string, string>;
  /** Field → its label, used where a rule has no message of its own (`email must be an email`). */
  labels?: Record<string, string>;
}

/** The element id a field's input has in our templates: `child.nhsNumber` → `child-nhsNumber`. */
export function fieldId(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-');
}

/** Builds the errors object from messages the service decided itself (say, "this email is in use"). */
export function formErrors(
  entries: { field: string; text: string }[],
  options: FormOptions = {},
): FormErrors {
  const errors: FormErrors = { list: [], byField: {} };
  for (const { field, text } of entries) {
    if (errors.byField[field]) continue;
    errors.byField[field] = { text };
    errors.list.push({ text, href: `#${options.anchors?.[field] ?? fieldId(field)}` });
  }
  return errors;
}

/**
 * Checks a posted form against a class-validator DTO. On failure it gives the errors (one per field, the
 * first rule broken, in the order of the DTO) and the values exactly as typed, to render the form again.
 * Fields the DTO does not declare are dropped rather than refused: buttons and hidden fields post too.
 */
export async function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  body: unknown,
  options: FormOptions = {},
): Promise<FormOutcome<T>> {
  const values = body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {};
  const value = plainToInstance(dto, values, { exposeDefaultValues: true });
  const failures = await validate(value, { whitelist: true, forbidUnknownValues: false });
  if (failures.length === 0) return { valid: true, value };
  return { valid: false, errors: formErrors(flatten(failures, '', options.labels ?? {}), options), values };
}

function flatten(
  failures: ValidationError[],
  parent: string,
  labels: Record<string, string>,
): { field: string; text: string }[] {
  return failures.flatMap((failure) => {
    const field = parent ? `${parent}.${failure.property}` : failure.property;
    // class-validator lists the broken rules bottom decorator first; the top one is the first rule.
    const first = Object.values(failure.constraints ?? {}).at(-1);
    const own = first ? [{ field, text: humanise(first, failure.property, labels[field]) }] : [];
    return [...own, ...flatten(failure.children ?? [], field, labels)];
  });
}

/** A default class-validator message starts with the property name; show the label instead. */
function humanise(message: string, property: string, label: string | undefined): string {
  if (!label || !message.startsWith(`${property} `)) return message;
  return `${label}${message.slice(property.length)}`;
}

/**
 * Turns a service's refusal (400 or 409 with messages such as `newPassword must be at least 12
 * characters` or `organisationIds: … is not a known organisation`) into form errors on the fields they
 * name, reworded with the field's label. A message naming no field goes on `fallbackField`. Any other
 * error is not the user's to fix and is thrown on.
 */
export function errorsFromService(
  error: unknown,
  labels: Record<string, string>,
  fallbackField: string,
  options: FormOptions = {},
): FormErrors {
  if (!isRefusal(error)) throw error;
  const response = (error as { getResponse: () => unknown }).getResponse();
  const raw = (response as { message?: unknown }).message ?? response;
  const messages = (Array.isArray(raw) ? raw : [raw]).map(String);
  const fields = Object.keys(labels).sort((a, b) => b.length - a.length);
  return formErrors(
    messages.map((message) => {
      const field = fields.find((f) => message.startsWith(`${f} `) || message.startsWith(`${f}: `));
      if (!field) return { field: fallbackField, text: message };
      const rest = message.slice(field.length).replace(/^:\s*/, ' ').trimStart();
      return { field, text: `${labels[field]} ${rest}` };
    }),
    options,
  );
}

/** A 400 or 409 from a service: the user can fix it by changing their answers. */
export function isRefusal(error: unknown): boolean {
  const status = (error as { getStatus?: () => number } | null)?.getStatus?.();
  return status === 400 || status === 409;
}
