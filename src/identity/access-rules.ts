/**
 * Who may see whose cases. Plain rules, no framework, so an information governance lead can read them.
 */

export interface OrganisationLink {
  id: string;
  type: string;
  coversLocalAuthorityIds: string[];
  partnerOrganisationIds: string[];
}

/**
 * The organisations whose cases a member of `memberOf` may see:
 * - their own organisations;
 * - for a CDOP or safeguarding partnership, the local authorities in its footprint;
 * - for a local authority, ICB or police force named as a partner of a safeguarding partnership, that
 *   partnership and the local authorities it covers (the three partners act together for the area).
 */
export function visibleOrganisations(memberOf: string[], organisations: OrganisationLink[]): string[] {
  const visible = new Set(memberOf);
  const mine = new Set(memberOf);
  for (const org of organisations) {
    const isMine = mine.has(org.id);
    const covers = org.type === 'cdop' || org.type === 'safeguarding-partnership';
    if (isMine && covers) org.coversLocalAuthorityIds.forEach((id) => visible.add(id));
    const isPartner =
      org.type === 'safeguarding-partnership' && org.partnerOrganisationIds.some((id) => mine.has(id));
    if (isPartner) {
      visible.add(org.id);
      org.coversLocalAuthorityIds.forEach((id) => visible.add(id));
    }
  }
  return [...visible];
}

/** A case: the organisations that own it or that it is shared with, and its commissioned reviewers. */
export interface CaseScope {
  caseId: string;
  owningOrganisationIds: string[];
  sharedWithOrganisationIds?: string[];
  /** Filled by the serious-incident module only once the reviewer has declared no conflict of interest. */
  reviewerUserIds?: string[];
}

export type CaseAccess = 'organisation' | 'commissioned-reviewer' | 'none';

/**
 * How a user reaches a case. A `reviewer` is independent of the partners: their organisation gives them
 * nothing, only being commissioned for this review (after the conflict-of-interest declaration) does.
 */
export function caseAccess(
  user: { id: string; roles: readonly string[] },
  visibleOrganisationIds: readonly string[],
  scope: CaseScope,
): CaseAccess {
  const hasOrganisationalRole = user.roles.some((role) => role !== 'reviewer');
  const caseOrganisations = [...scope.owningOrganisationIds, ...(scope.sharedWithOrganisationIds ?? [])];
  if (hasOrganisationalRole && caseOrganisations.some((id) => visibleOrganisationIds.includes(id))) {
    return 'organisation';
  }
  if (user.roles.includes('reviewer') && scope.reviewerUserIds?.includes(user.id)) {
    return 'commissioned-reviewer';
  }
  return 'none';
}

/** Whether the user may take an action that needs one of `roles`, given how they reach the case. */
export function mayAct(
  user: { roles: readonly string[] },
  access: CaseAccess,
  roles: readonly string[],
): boolean {
  if (access === 'none') return false;
  // A commissioned reviewer acts only as the reviewer, whatever other roles they hold elsewhere.
  const usable = access === 'commissioned-reviewer' ? ['reviewer'] : user.roles;
  return roles.some((role) => usable.includes(role));
}
