import {
  isNcmdCase,
  type DeidentifiedCase,
  type ExportMode,
  type ExportedCase,
  type NcmdCase,
} from './export-case';

type Cell = string | number | boolean | undefined;

interface Column<T> {
  name: string;
  value: (exported: T) => Cell;
}

type SharedGroups = Omit<NcmdCase, 'identity' | 'death'>;

const SHARED_COLUMNS: Column<SharedGroups>[] = [
  { name: 'notifiedAt', value: (c) => c.process.notifiedAt },
  { name: 'jarRequired', value: (c) => c.process.jarRequired },
  { name: 'jarCriteria', value: (c) => joinItems(c.process.jarCriteria.map((id) => [id])) },
  { name: 'postMortem', value: (c) => c.process.postMortem },
  { name: 'coronerInvolved', value: (c) => c.process.coronerInvolved },
  { name: 'inquestConcluded', value: (c) => c.process.inquestConcluded },
  { name: 'cdrmHeldOn', value: (c) => c.process.cdrmHeldOn },
  { name: 'cdopReviewedOn', value: (c) => c.process.cdopReviewedOn },
  { name: 'referredToSafeguarding', value: (c) => c.process.referredToSafeguarding },
  { name: 'agenciesAsked', value: (c) => c.reporting.agenciesAsked },
  { name: 'agenciesReturned', value: (c) => c.reporting.agenciesReturned },
  { name: 'livedInPovertyOrDeprivation', value: (c) => c.reporting.livedInPovertyOrDeprivation },
  {
    name: 'barriersToAccessingServices',
    value: (c) => joinItems(c.reporting.barriersToAccessingServices.map((text) => [text])),
  },
  { name: 'bereavementSupportOffered', value: (c) => c.reporting.bereavementSupportOffered },
  { name: 'supplementaryForms', value: (c) => joinItems(c.reporting.supplementaryForms.map((id) => [id])) },
  { name: 'analysisFormVersion', value: (c) => c.analysis.analysisFormVersion },
  {
    name: 'domains',
    value: (c) =>
      joinItems(
        c.analysis.domains.flatMap(({ domain, factors }) =>
          factors.map((f) => [domain, f.code, String(f.score), f.modifiable ? 'yes' : 'no', f.label]),
        ),
      ),
  },
  { name: 'modifiableFactors', value: (c) => c.analysis.modifiableFactors },
  { name: 'primaryCategory', value: (c) => c.analysis.primaryCategory },
  { name: 'otherCategories', value: (c) => joinItems(c.analysis.otherCategories.map((n) => [String(n)])) },
  { name: 'causeOfDeath', value: (c) => c.analysis.causeOfDeath },
  { name: 'icd10Codes', value: (c) => joinItems(c.analysis.icd10Codes.map((code) => [code])) },
  { name: 'learningPoints', value: (c) => joinItems(c.analysis.learningPoints.map((text) => [text])) },
  {
    name: 'actions',
    value: (c) => joinItems(c.analysis.actions.map((a) => [a.owner, a.description, a.dueDate, a.status])),
  },
  { name: 'revision', value: (c) => c.revision },
  { name: 'lastChangedAt', value: (c) => c.lastChangedAt },
];

const NCMD_COLUMNS: Column<NcmdCase>[] = [
  { name: 'caseId', value: (c) => c.identity.caseId },
  { name: 'cdopCode', value: (c) => c.identity.cdopCode },
  { name: 'nhsNumber', value: (c) => c.identity.nhsNumber },
  { name: 'nhsNumberMissingReason', value: (c) => c.identity.nhsNumberMissingReason },
  { name: 'givenName', value: (c) => c.identity.givenName },
  { name: 'familyName', value: (c) => c.identity.familyName },
  { name: 'dateOfBirth', value: (c) => c.identity.dateOfBirth },
  { name: 'sex', value: (c) => c.identity.sex },
  { name: 'ethnicity', value: (c) => c.identity.ethnicity },
  { name: 'postcode', value: (c) => c.identity.postcode },
  { name: 'residentLocalAuthority', value: (c) => c.identity.residentLocalAuthority },
  { name: 'dateOfDeath', value: (c) => c.death.dateOfDeath },
  { name: 'timeOfDeath', value: (c) => c.death.timeOfDeath },
  { name: 'placeOfDeath', value: (c) => c.death.placeOfDeath },
  { name: 'ageAtDeathDays', value: (c) => c.death.ageAtDeathDays },
  { name: 'expected', value: (c) => c.death.expected },
  { name: 'suspectedStillbirthAtHome', value: (c) => c.death.suspectedStillbirthAtHome },
  { name: 'lookedAfter', value: (c) => c.death.lookedAfter },
  { name: 'childProtectionPlan', value: (c) => c.death.childProtectionPlan },
  ...SHARED_COLUMNS,
];

const DEIDENTIFIED_COLUMNS: Column<DeidentifiedCase>[] = [
  { name: 'caseId', value: (c) => c.identity.caseId },
  { name: 'cdopCode', value: (c) => c.identity.cdopCode },
  { name: 'nhsNumberMissingReason', value: (c) => c.identity.nhsNumberMissingReason },
  { name: 'sex', value: (c) => c.identity.sex },
  { name: 'ethnicity', value: (c) => c.identity.ethnicity },
  { name: 'postcodeDistrict', value: (c) => c.identity.postcodeDistrict },
  { name: 'residentLocalAuthority', value: (c) => c.identity.residentLocalAuthority },
  { name: 'dateOfDeath', value: (c) => c.death.dateOfDeath },
  { name: 'placeOfDeath', value: (c) => c.death.placeOfDeath },
  { name: 'ageAtDeathDays', value: (c) => c.death.ageAtDeathDays },
  { name: 'ageAtDeathYears', value: (c) => c.death.ageAtDeathYears },
  { name: 'expected', value: (c) => c.death.expected },
  { name: 'suspectedStillbirthAtHome', value: (c) => c.death.suspectedStillbirthAtHome },
  { name: 'lookedAfter', value: (c) => c.death.lookedAfter },
  { name: 'childProtectionPlan', value: (c) => c.death.childProtectionPlan },
  ...SHARED_COLUMNS,
];

/** Column names in their fixed order, as documented in docs/ncmd-export.md. */
export function csvColumns(mode: ExportMode): string[] {
  return (mode === 'ncmd' ? NCMD_COLUMNS : DEIDENTIFIED_COLUMNS).map((column) => column.name);
}

/** The header line, ending in CRLF. */
export function csvHeader(mode: ExportMode): string {
  return csvLine(csvColumns(mode));
}

/** One case as one line, ending in CRLF. Throws if the case was prepared for the other mode. */
export function csvRow(exported: ExportedCase, mode: ExportMode): string {
  if (isNcmdCase(exported) !== (mode === 'ncmd')) {
    throw new Error(`A case prepared for another mode reached a ${mode} CSV export`);
  }
  const cells = isNcmdCase(exported)
    ? NCMD_COLUMNS.map((column) => column.value(exported))
    : DEIDENTIFIED_COLUMNS.map((column) => column.value(exported));
  return csvLine(cells);
}

/**
 * Repeated items: items joined by '|', the parts of one item by ':'. A backslash, '|' or ':' inside a
 * part is escaped with a backslash, so the cell can always be split back unambiguously.
 */
export function joinItems(items: string[][]): string {
  const escapePart = (part: string) => part.replace(/[\\|:]/g, (character) => `\\${character}`);
  return items.map((parts) => parts.map(escapePart).join(':')).join('|');
}

function csvLine(cells: Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, after guarding against formula injection: a spreadsheet would run a cell that starts
 * with = + - @ (or a tab or carriage return), so such cells get a leading single quote.
 */
function csvCell(value: Cell): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
