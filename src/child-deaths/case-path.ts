import { allowedTransitions, CaseState } from './rules/case-lifecycle';

/** The states a case passes through to get from `from` to `to`, or null when `to` cannot be reached. */
export function pathBetween(from: CaseState, to: CaseState): CaseState[] | null {
  if (from === to) return [];
  const queue: { state: CaseState; path: CaseState[] }[] = [{ state: from, path: [] }];
  const seen = new Set<CaseState>([from]);
  while (queue.length) {
    const { state, path } = queue.shift()!;
    for (const next of allowedTransitions(state)) {
      if (seen.has(next)) continue;
      const nextPath = [...path, next];
      if (next === to) return nextPath;
      seen.add(next);
      queue.push({ state: next, path: nextPath });
    }
  }
  return null;
}

/** The page of a case in the web portal; reminders and notices link to it. */
export function casePagePath(caseId: string): string {
  return `/child-deaths/${caseId}`;
}
