/**
 * The case's single view of a death notified several times. Each notification is kept exactly as
 * submitted; this works out, field by field, which answer the case shows and where notifiers disagree.
 */
export interface SubmittedNotification {
  notificationId: string;
  /** ISO 8601 instant; orders the notifications. */
  submittedAt: string;
  /** The answers about the death, nested as in the notification body (e.g. child.givenName). */
  answers: Record<string, unknown>;
}

export interface ReconciledField {
  field: string;
  value: unknown;
  /** Every notification that answered this field, in submission order. */
  answers: { notificationId: string; value: unknown }[];
  disagreement: boolean;
}

export interface Reconciliation {
  fields: ReconciledField[];
  /** Paths of the fields the notifications answer differently, e.g. 'child.sex'. */
  disagreements: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(answers: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(answers).flatMap(([key, value]): [string, unknown][] =>
    isPlainObject(value) ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

function isUnanswered(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** 'Olivia ' and 'OLIVIA' are the same answer typed differently, not a disagreement. */
function comparable(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : JSON.stringify(value);
}

/**
 * The answer given most often wins; on a tie the latest notification's answer wins, because later
 * notifiers (police, coroner) usually know more. Unanswered fields neither count nor disagree.
 */
export function reconcile(notifications: readonly SubmittedNotification[]): Reconciliation {
  const ordered = [...notifications].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  const byField = new Map<string, { notificationId: string; value: unknown }[]>();
  for (const notification of ordered) {
    for (const [field, value] of flatten(notification.answers)) {
      if (isUnanswered(value)) continue;
      byField.set(field, [
        ...(byField.get(field) ?? []),
        { notificationId: notification.notificationId, value },
      ]);
    }
  }
  const fields = [...byField.entries()].map(([field, answers]): ReconciledField => {
    const counts = new Map<string, number>();
    const countOf = (value: unknown) => counts.get(comparable(value)) ?? 0;
    for (const answer of answers) counts.set(comparable(answer.value), countOf(answer.value) + 1);
    const chosen = answers.reduceRight((best, answer) =>
      countOf(answer.value) > countOf(best.value) ? answer : best,
    );
    return { field, value: chosen.value, answers, disagreement: counts.size > 1 };
  });
  return { fields, disagreements: fields.filter((f) => f.disagreement).map((f) => f.field) };
}
