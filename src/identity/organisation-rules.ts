/** What makes an organisation's coverage and partners valid, as plain rules. */

export interface OrganisationInput {
  type: string;
  coversLocalAuthorityIds?: string[];
  partnerOrganisationIds?: string[];
}

/**
 * Problems with a new organisation's links, each naming the field. `typeOf` gives the type of every
 * existing organisation the input refers to (missing ids are unknown organisations).
 */
export function organisationProblems(input: OrganisationInput, typeOf: Map<string, string>): string[] {
  const problems: string[] = [];
  const covers = input.coversLocalAuthorityIds ?? [];
  const partners = input.partnerOrganisationIds ?? [];
  const coversAreas = input.type === 'cdop' || input.type === 'safeguarding-partnership';

  if (coversAreas && covers.length === 0) {
    problems.push('coversLocalAuthorityIds must name at least one local authority for a CDOP or partnership');
  }
  if (!coversAreas && covers.length > 0) {
    problems.push(
      'coversLocalAuthorityIds: only a CDOP or a safeguarding partnership covers local authorities',
    );
  }
  for (const id of covers) {
    if (typeOf.get(id) !== 'local-authority') {
      problems.push(`coversLocalAuthorityIds: ${id} is not a known local authority`);
    }
  }

  if (input.type !== 'safeguarding-partnership') {
    if (partners.length > 0) {
      problems.push('partnerOrganisationIds: only a safeguarding partnership names partners');
    }
    return problems;
  }
  const partnerTypes = partners.map((id) => typeOf.get(id));
  const count = (type: string) => partnerTypes.filter((t) => t === type).length;
  if (
    partners.length !== 3 ||
    count('local-authority') !== 1 ||
    count('icb') !== 1 ||
    count('police') !== 1
  ) {
    problems.push(
      'partnerOrganisationIds must name exactly three partners: one local authority, one ICB and one police force',
    );
  }
  const partnerLocalAuthority = partners.find((id) => typeOf.get(id) === 'local-authority');
  if (partnerLocalAuthority && !covers.includes(partnerLocalAuthority)) {
    problems.push('partnerOrganisationIds: the partner local authority must be one the partnership covers');
  }
  return problems;
}
