/**
 * Where an action stands on a given day, for the tracker and the yearly report (WT 410–411): completed,
 * overdue (past its due date and not completed), due soon (within `soonDays` calendar days) or open.
 */
export type ActionStatus = 'completed' | 'overdue' | 'due-soon' | 'open';
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'due-soon', 'overdue', 'completed'];

export function actionStatus(
  action: { dueDate: string; completedOn: string | null },
  today: string,
  soonUntil: string,
): ActionStatus {
  if (action.completedOn) return 'completed';
  if (action.dueDate < today) return 'overdue';
  if (action.dueDate <= soonUntil) return 'due-soon';
  return 'open';
}

/** Whether a completed action was done by its due date. */
export function completedOnTime(action: { dueDate: string; completedOn: string | null }): boolean | null {
  return action.completedOn ? action.completedOn <= action.dueDate : null;
}
