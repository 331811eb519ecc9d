import { IsoDate } from '../../calendar/iso-date';
import { normaliseNhsNumber } from './nhs-number';
import { personNameSimilarity } from './name-similarity';

/**
 * Whether a new notification is of a death already notified (the same death is often notified by the
 * hospital, the police, the registrar and the coroner). The NHS number decides when both have one;
 * otherwise the dates of birth and death must be equal and the names alike.
 */
export interface DeathIdentity {
  nhsNumber?: string | null;
  givenName?: string;
  familyName?: string;
  dateOfBirth: IsoDate;
  dateOfDeath: IsoDate;
}

export type MatchBasis = 'nhs-number' | 'name-dob-dod';

export interface DuplicateMatch {
  match: boolean;
  basis: MatchBasis;
  /** 1 for the same NHS number; otherwise the name similarity (0 when the dates differ). */
  score: number;
}

/**
 * Jaro-Winkler similarity both the given and the family name must reach. 0.88 accepts typing slips and
 * common spelling variants ('Olivia'/'Olivai' 0.97, 'Smith'/'Smyth' 0.89, 'Oscar'/'Oskar' 0.89) but keeps
 * apart twins with names one letter apart such as 'Jack'/'Jake' (0.87), who share both dates more often
 * than any other pair of children. An administrator can still merge or split cases by hand.
 */
export const NAME_MATCH_THRESHOLD = 0.88;

function nhsNumberOf(identity: DeathIdentity): string | undefined {
  const digits = identity.nhsNumber ? normaliseNhsNumber(identity.nhsNumber) : '';
  return digits === '' ? undefined : digits;
}

export function matchDeath(candidate: DeathIdentity, existing: DeathIdentity): DuplicateMatch {
  const a = nhsNumberOf(candidate);
  const b = nhsNumberOf(existing);
  if (a && b) {
    // Two different NHS numbers are two different children, however alike the names.
    return a === b
      ? { match: true, basis: 'nhs-number', score: 1 }
      : { match: false, basis: 'nhs-number', score: 0 };
  }
  if (candidate.dateOfBirth !== existing.dateOfBirth || candidate.dateOfDeath !== existing.dateOfDeath) {
    return { match: false, basis: 'name-dob-dod', score: 0 };
  }
  const similarity = personNameSimilarity(candidate, existing);
  return {
    match: similarity >= NAME_MATCH_THRESHOLD,
    basis: 'name-dob-dod',
    score: Math.round(similarity * 1000) / 1000,
  };
}

/** The existing case the candidate belongs to, if any: an NHS number match first, then the best name score. */
export function findMatchingCase<T extends { caseId: string; identity: DeathIdentity }>(
  candidate: DeathIdentity,
  cases: readonly T[],
): (DuplicateMatch & { caseId: string }) | null {
  let best: (DuplicateMatch & { caseId: string }) | null = null;
  for (const existing of cases) {
    const result = matchDeath(candidate, existing.identity);
    if (!result.match) continue;
    if (result.basis === 'nhs-number') return { ...result, caseId: existing.caseId };
    if (!best || result.score > best.score) best = { ...result, caseId: existing.caseId };
  }
  return best;
}
