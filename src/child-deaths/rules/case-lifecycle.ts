/**
 * The states of a child death case, in the order the process moves through them. A death that needs no
 * joint agency response goes straight from notified to information gathering. Pausing is not a state:
 * a case is paused within its state, with a reason, while a post-mortem, inquest or proceedings run.
 */
export const CASE_STATES = [
  'notified',
  'jar-in-progress',
  'information-gathering',
  'awaiting-cdrm',
  'cdrm-held',
  'awaiting-cdop',
  'reviewed-by-cdop',
  'submitted-to-ncmd',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  notified: 'Notified',
  'jar-in-progress': 'Joint agency response in progress',
  'information-gathering': 'Information gathering',
  'awaiting-cdrm': 'Awaiting child death review meeting',
  'cdrm-held': 'Child death review meeting held',
  'awaiting-cdop': 'Awaiting CDOP review',
  'reviewed-by-cdop': 'Reviewed by CDOP',
  'submitted-to-ncmd': 'Submitted to NCMD',
  closed: 'Closed',
};

const NEXT: Readonly<Record<CaseState, readonly CaseState[]>> = {
  notified: ['jar-in-progress', 'information-gathering'],
  'jar-in-progress': ['information-gathering'],
  'information-gathering': ['awaiting-cdrm'],
  'awaiting-cdrm': ['cdrm-held'],
  'cdrm-held': ['awaiting-cdop'],
  'awaiting-cdop': ['reviewed-by-cdop'],
  'reviewed-by-cdop': ['submitted-to-ncmd'],
  'submitted-to-ncmd': ['closed'],
  closed: [],
};

export function allowedTransitions(from: CaseState): readonly CaseState[] {
  return NEXT[from];
}

export function canTransition(from: CaseState, to: CaseState): boolean {
  return NEXT[from].includes(to);
}

/** The fixed list of reasons a case or clock may be paused for (statutory-windows.md). */
export const PAUSE_REASONS = [
  'post-mortem-awaited',
  'inquest',
  'criminal-investigation-or-prosecution',
  'family-proceedings',
  'other',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const PAUSE_REASON_LABELS: Readonly<Record<PauseReason, string>> = {
  'post-mortem-awaited': 'Post-mortem report awaited',
  inquest: 'Inquest',
  'criminal-investigation-or-prosecution': 'Criminal investigation or prosecution',
  'family-proceedings': 'Family proceedings',
  other: 'Other',
};

export interface CasePause {
  reason: PauseReason;
  /** Required when the reason is 'other'. */
  text?: string;
  /** ISO 8601 instant. */
  since: string;
}

export interface CaseLifecycle {
  state: CaseState;
  pause?: CasePause;
}

export type LifecycleChange = { ok: true; lifecycle: CaseLifecycle } | { ok: false; message: string };

export function transition(lifecycle: CaseLifecycle, to: CaseState): LifecycleChange {
  if (lifecycle.pause) {
    return { ok: false, message: 'The case is paused: resume it before moving it on' };
  }
  if (!canTransition(lifecycle.state, to)) {
    return {
      ok: false,
      message: `A case cannot move from "${CASE_STATE_LABELS[lifecycle.state]}" to "${CASE_STATE_LABELS[to]}"`,
    };
  }
  return { ok: true, lifecycle: { state: to } };
}

export function pause(lifecycle: CaseLifecycle, pauseWith: CasePause): LifecycleChange {
  if (lifecycle.state === 'closed') return { ok: false, message: 'A closed case cannot be paused' };
  if (lifecycle.pause) return { ok: false, message: 'The case is already paused' };
  if (!(PAUSE_REASONS as readonly string[]).includes(pauseWith.reason)) {
    return { ok: false, message: `The reason must be one of ${PAUSE_REASONS.join(', ')}` };
  }
  const text = pauseWith.text?.trim();
  if (pauseWith.reason === 'other' && !text) {
    return { ok: false, message: 'Say why the case is paused when the reason is "other"' };
  }
  return {
    ok: true,
    lifecycle: { state: lifecycle.state, pause: { ...pauseWith, text: text || undefined } },
  };
}

export function resume(lifecycle: CaseLifecycle): LifecycleChange {
  if (!lifecycle.pause) return { ok: false, message: 'The case is not paused' };
  return { ok: true, lifecycle: { state: lifecycle.state } };
}

/** A case closes only once the CDOP's analysis is final and the data has gone to NCMD (WT 444, 455). */
export function canClose(facts: {
  lifecycle: CaseLifecycle;
  analysisFinal: boolean;
  ncmdSubmitted: boolean;
}): { allowed: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (!facts.analysisFinal) reasons.push('The CDOP has not finalised the analysis form');
  if (!facts.ncmdSubmitted)
    reasons.push('The case has not been submitted to the National Child Mortality Database');
  if (facts.lifecycle.pause) reasons.push('The case is paused');
  if (facts.lifecycle.state === 'closed') reasons.push('The case is already closed');
  return { allowed: reasons.length === 0, reasons };
}
