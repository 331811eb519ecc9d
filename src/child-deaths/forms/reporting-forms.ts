import { FieldProblem } from '../rules/field-problem';

/**
 * The reporting form (one per agency) and the supplementary forms, as data. NCMD revises the forms most
 * Aprils: a new version is one more entry here, and each returned form keeps the version it was asked on.
 */
export interface ReportingFormSection {
  key: string;
  label: string;
  hint?: string;
  type: 'text' | 'yes-no' | 'list';
  requiredToReturn: boolean;
}

export interface ReportingFormDefinition {
  version: string;
  inUseFrom: string;
  reporting: readonly ReportingFormSection[];
  supplementary: readonly ReportingFormSection[];
}

export const REPORTING_FORM_DEFINITIONS: readonly ReportingFormDefinition[] = [
  {
    version: '2026-04',
    inUseFrom: '2026-04-01',
    reporting: [
      {
        key: 'childAndFamilyBackground',
        label: 'Child and family background',
        type: 'text',
        requiredToReturn: false,
      },
      {
        key: 'agencyInvolvement',
        label: "Your agency's involvement with the child and family",
        type: 'text',
        requiredToReturn: true,
      },
      { key: 'healthAndDevelopment', label: 'Health and development', type: 'text', requiredToReturn: false },
      { key: 'socialCircumstances', label: 'Social circumstances', type: 'text', requiredToReturn: false },
      {
        key: 'livedInPovertyOrDeprivation',
        label: 'Did the child live in poverty or deprivation?',
        type: 'yes-no',
        requiredToReturn: false,
      },
      {
        key: 'barriersToAccessingServices',
        label: 'Barriers the family met in accessing services',
        hint: 'One barrier per line',
        type: 'list',
        requiredToReturn: false,
      },
      { key: 'serviceProvision', label: 'Service provision', type: 'text', requiredToReturn: false },
      {
        key: 'bereavementSupportOffered',
        label: 'Was bereavement support offered to the family?',
        type: 'yes-no',
        requiredToReturn: false,
      },
      {
        key: 'eventsLeadingToDeath',
        label: 'Events leading to the death, as known to your agency',
        type: 'text',
        requiredToReturn: true,
      },
    ],
    supplementary: [
      { key: 'summary', label: 'Summary of the relevant findings', type: 'text', requiredToReturn: true },
      { key: 'details', label: 'Further details', type: 'text', requiredToReturn: false },
    ],
  },
];

/** The supplementary reporting forms; configurable, as the NCMD adds and splits them. */
export const SUPPLEMENTARY_FORM_TYPES = [
  { code: 'sudi-sudc', label: 'Sudden unexpected death in infancy or childhood' },
  { code: 'suicide-self-harm', label: 'Suicide or self-harm' },
  { code: 'drowning', label: 'Drowning' },
  { code: 'road-traffic-transport', label: 'Road traffic collision and other transport' },
  { code: 'fire-burns', label: 'Fire and burns' },
  { code: 'asthma-anaphylaxis', label: 'Asthma and anaphylaxis' },
  { code: 'epilepsy', label: 'Epilepsy' },
  { code: 'cardiac', label: 'Cardiac (congenital or acquired)' },
  { code: 'chromosomal-genetic-congenital', label: 'Chromosomal, genetic and congenital anomalies' },
  { code: 'delivery-suite-neonatal', label: 'Deaths on a delivery suite, labour ward or neonatal unit' },
  { code: 'care-pathway', label: 'Care pathway' },
  { code: 'violence-maltreatment', label: 'Violence and maltreatment' },
  { code: 'substance-misuse', label: 'Substance misuse' },
] as const;

export const SUPPLEMENTARY_FORM_CODES: readonly string[] = SUPPLEMENTARY_FORM_TYPES.map((t) => t.code);

export function supplementaryFormLabel(code: string): string {
  return SUPPLEMENTARY_FORM_TYPES.find((t) => t.code === code)?.label ?? code;
}

/** The version new requests use on `on`: the latest already in use, or the earliest there is. */
export function reportingFormInUseOn(on: string): ReportingFormDefinition {
  const byDate = [...REPORTING_FORM_DEFINITIONS].sort((a, b) => (a.inUseFrom < b.inUseFrom ? -1 : 1));
  return byDate.filter((d) => d.inUseFrom <= on).at(-1) ?? byDate[0];
}

export function reportingFormDefinition(version: string): ReportingFormDefinition | undefined {
  return REPORTING_FORM_DEFINITIONS.find((d) => d.version === version);
}

function answered(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null;
}

/** What must be filled in before an agency can return the form, and answers the form does not have. */
export function reportingFormProblems(
  definition: ReportingFormDefinition,
  kind: 'reporting' | 'supplementary',
  answers: Record<string, unknown>,
): FieldProblem[] {
  const sections = definition[kind];
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(answers)) {
    if (!sections.some((s) => s.key === key)) {
      problems.push({ field: `answers.${key}`, message: 'is not a question on this form' });
    }
  }
  for (const section of sections) {
    const value = answers[section.key];
    if (section.requiredToReturn && !answered(value)) {
      problems.push({ field: `answers.${section.key}`, message: `Answer "${section.label}"` });
    } else if (value !== undefined && value !== null && !fits(section.type, value)) {
      problems.push({ field: `answers.${section.key}`, message: expectation(section.type) });
    }
  }
  return problems;
}

function fits(type: ReportingFormSection['type'], value: unknown): boolean {
  if (type === 'yes-no') return typeof value === 'boolean';
  if (type === 'list')
    return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length <= 2000);
  return typeof value === 'string' && value.length <= 20000;
}

function expectation(type: ReportingFormSection['type']): string {
  if (type === 'yes-no') return 'must be true or false';
  if (type === 'list') return 'must be a list of short texts';
  return 'must be text of at most 20,000 characters';
}
