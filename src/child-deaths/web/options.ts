import type { Organisation } from '../../identity/organisation.entity';
import { ETHNIC_CATEGORIES, PLACE_OF_DEATH_LABELS, SEXES } from '../forms/notification-options';
import { JAR_CRITERIA } from '../rules/joint-agency-response';
import { NHS_NUMBER_MISSING_REASON_LABELS } from '../rules/nhs-number';

/** Radio, checkbox and select items for the child death pages, with the chosen ones marked. */

export const SEX_LABELS: Record<string, string> = {
  male: 'Male',
  female: 'Female',
  indeterminate: 'Indeterminate',
  'not-known': 'Not known',
};

export function radios(options: Record<string, string>, chosen: unknown) {
  return Object.entries(options).map(([value, text]) => ({ value, text, checked: chosen === value }));
}

export function selectItems(options: { value: string; text: string }[], chosen: unknown, blank = 'Select') {
  return [{ value: '', text: blank }, ...options.map((o) => ({ ...o, selected: chosen === o.value }))];
}

export const sexItems = (chosen: unknown) =>
  radios(Object.fromEntries(SEXES.map((s) => [s, SEX_LABELS[s]])), chosen);
export const placeItems = (chosen: unknown) => radios(PLACE_OF_DEATH_LABELS, chosen);
export const yesNoItems = (chosen: unknown) => radios({ yes: 'Yes', no: 'No' }, chosen);
export const yesNoNotKnownItems = (chosen: unknown) =>
  radios({ yes: 'Yes', no: 'No', 'not-known': 'Not known yet' }, chosen);
export const missingReasonItems = (chosen: unknown) => radios(NHS_NUMBER_MISSING_REASON_LABELS, chosen);

export const ethnicityItems = (chosen: unknown) =>
  selectItems(
    Object.entries(ETHNIC_CATEGORIES).map(([value, text]) => ({ value, text })),
    chosen,
    'Select an ethnic group',
  );

/** The five WT 449 questions as checkboxes, in the guidance's order. */
export const CIRCUMSTANCE_LABELS: Record<string, string> = {
  externalCause: 'The death is or could be due to external causes',
  suddenNoApparentCause: 'The death was sudden with no immediately apparent cause (including SUDI or SUDC)',
  inCustodyOrDetainedMHA: 'The child died in custody or detained under the Mental Health Act',
  suspiciousCircumstances: 'The circumstances raise a suspicion that the death may not have been natural',
  stillbirthNoHealthProfessional: 'The child was stillborn with no healthcare professional in attendance',
};

export function circumstanceItems(chosen: string[]) {
  return JAR_CRITERIA.map((c) => ({
    value: c.answer,
    text: CIRCUMSTANCE_LABELS[c.answer],
    checked: chosen.includes(c.answer),
  }));
}

export function organisationSelect(
  organisations: Organisation[],
  type: string,
  chosen: unknown,
  blank: string,
) {
  return selectItems(
    organisations.filter((o) => o.type === type).map((o) => ({ value: o.id, text: o.name })),
    chosen,
    blank,
  );
}
