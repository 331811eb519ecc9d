import type { Organisation } from '../../identity/organisation.entity';

export const ORGANISATION_TYPE_LABELS: Record<string, string> = {
  cdop: 'Child death overview panel (CDOP)',
  'local-authority': 'Local authority',
  'safeguarding-partnership': 'Safeguarding partnership',
  icb: 'Integrated care board (ICB)',
  police: 'Police force',
  agency: 'Other agency (hospital trust, school and so on)',
};

/** Items for govukCheckboxes or govukSelect: one per organisation, the chosen ones ticked. */
export function organisationItems(
  organisations: Organisation[],
  chosen: unknown,
  kind: 'checked' | 'selected',
) {
  const picked = new Set((Array.isArray(chosen) ? chosen : [chosen]).map(String));
  return organisations.map((o) => ({
    value: o.id,
    text: o.name,
    hint: kind === 'checked' ? { text: ORGANISATION_TYPE_LABELS[o.type] ?? o.type } : undefined,
    [kind]: picked.has(o.id),
  }));
}

export function organisationNames(organisations: Organisation[]): Map<string, string> {
  return new Map(organisations.map((o) => [o.id, o.name]));
}
