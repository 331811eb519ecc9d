/**
 * Pausing a clock (statutory-windows.md, "Rules that decide which clocks apply"): only with a reason from a
 * fixed list, and the pause extends the due date by the time paused in the clock's own unit.
 */
import type { ClockRuleId } from './rules/clock-rules';

export const PAUSE_REASONS = [
  'post-mortem-awaited',
  'inquest',
  'criminal-investigation-or-prosecution',
  'family-proceedings',
  'other',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** A pause that has ended; the current one, if any, is kept apart until it is resumed. */
export interface PausePeriod {
  from: Date;
  to: Date;
  reason: PauseReason;
}

/**
 * The clocks that other proceedings hold up, paused together when a case is paused as a whole: the child
 * death review meeting waits for the post-mortem report (WT 453), the CDOP review may be paused for
 * post-mortem, inquest or criminal proceedings (WT 454), and reviews whose publication an investigation,
 * inquest or prosecution delays (WT 408, 427). Notifications are never held up by them.
 */
export const PAUSABLE_TOGETHER: readonly ClockRuleId[] = [
  'CDR-CDRM',
  'CDR-CDOP-REVIEW',
  'SI-LCSPR-COMPLETE',
  'SI-NATIONAL-COMPLETE',
];

export function isPauseReason(value: unknown): value is PauseReason {
  return (PAUSE_REASONS as readonly unknown[]).includes(value);
}

/** What is wrong with a pause request, naming the field; empty when it may go ahead. */
export function pauseProblems(reason: unknown, text: string | undefined): string[] {
  if (!isPauseReason(reason)) return [`reason must be one of: ${PAUSE_REASONS.join(', ')}`];
  if (reason === 'other' && !text?.trim()) return ['text must say why when the reason is "other"'];
  return [];
}
