import {
  DeathCircumstances,
  evaluateJointAgencyResponse,
  JAR_CRITERIA,
  JarEvaluation,
} from './rules/joint-agency-response';
import { reconcile, Reconciliation } from './rules/reconciliation';

/** Parts of a notification that are about who sent it and when, not about the death. */
const NOT_ABOUT_THE_DEATH = ['notifier', 'professionals', 'notifiedAt', 'becameAwareAt', 'cdopId'];

export interface StoredNotification {
  id: string;
  notifiedAt: Date;
  answers: Record<string, unknown>;
}

export interface ReconciledView {
  /** The case's single answer to each question, nested as in the notification body. */
  answers: Record<string, unknown>;
  reconciliation: Reconciliation;
}

function aboutTheDeath(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !NOT_ABOUT_THE_DEATH.includes(key)));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

export function reconciledView(notifications: readonly StoredNotification[]): ReconciledView {
  const reconciliation = reconcile(
    notifications.map((n) => ({
      notificationId: n.id,
      submittedAt: n.notifiedAt.toISOString(),
      answers: aboutTheDeath(n.answers),
    })),
  );
  const answers: Record<string, unknown> = {};
  for (const field of reconciliation.fields) setPath(answers, field.field, field.value);
  return { answers, reconciliation };
}

/**
 * The joint agency response criteria met by any notification: a police officer's suspicion counts even
 * when the hospital saw none, so criteria are never outvoted.
 */
export function combinedJarEvaluation(notifications: readonly StoredNotification[]): JarEvaluation {
  const circumstances: DeathCircumstances = {};
  for (const n of notifications) {
    const given = (n.answers.circumstances ?? {}) as DeathCircumstances;
    for (const criterion of JAR_CRITERIA) {
      if (given[criterion.answer] === true) circumstances[criterion.answer] = true;
    }
  }
  return evaluateJointAgencyResponse(circumstances);
}

/** Everyone the notifications listed as knowing the child, once each. */
export function professionalsOf(notifications: readonly StoredNotification[]) {
  const seen = new Map<string, { name: string; role: string; organisation: string; email?: string }>();
  for (const n of notifications) {
    const listed = (n.answers.professionals ?? []) as {
      name: string;
      role: string;
      organisation: string;
      email?: string;
    }[];
    for (const p of listed) {
      const key = `${p.name.trim().toLowerCase()}|${p.organisation.trim().toLowerCase()}`;
      if (!seen.has(key)) seen.set(key, p);
    }
  }
  return [...seen.values()];
}
