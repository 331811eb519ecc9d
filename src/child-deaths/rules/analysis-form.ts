import { isIsoDate } from '../../calendar/iso-date';
import {
  ANALYSIS_FORM_DEFINITIONS,
  AnalysisFormDefinition,
  analysisFormDefinition,
  ModifiableFactorsAnswer,
} from './analysis-form-definitions';
import { checkPrimaryCategory, isDeathCategoryNumber } from './death-categories';
import { FieldProblem } from './field-problem';

export * from './analysis-form-definitions';

/** A saved analysis form (API contract field names); anything may still be missing while it is a draft. */
export interface AnalysisDraft {
  formVersion?: string;
  domains?: {
    domain: string;
    factors: { code?: string; label?: string; score?: number; modifiable?: boolean }[];
  }[];
  modifiableFactors?: ModifiableFactorsAnswer;
  primaryCategory?: number;
  otherCategories?: number[];
  causeOfDeath?: string;
  icd10Codes?: string[];
  learningPoints?: string[];
  actions?: { owner?: string; description?: string; dueDate?: string }[];
  referredToSafeguarding?: boolean;
  /** The CDOP meeting date, sent when finalising. */
  reviewedOn?: string;
}

const ICD10_CODE = /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export function isIcd10Code(value: string): boolean {
  return ICD10_CODE.test(value);
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function domainProblems(
  draft: AnalysisDraft,
  definition: AnalysisFormDefinition | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const domains = draft.domains ?? [];
  const known = definition?.domains.map((d) => d.domain as string);
  const seen = new Set<string>();
  domains.forEach((entry, d) => {
    if (known && !known.includes(entry.domain)) {
      problems.push({ field: `domains[${d}].domain`, message: `Domain must be one of ${known.join(', ')}` });
    } else if (seen.has(entry.domain)) {
      problems.push({
        field: `domains[${d}].domain`,
        message: `Domain ${entry.domain} appears more than once`,
      });
    }
    seen.add(entry.domain);
    entry.factors.forEach((factor, f) => {
      const at = `domains[${d}].factors[${f}]`;
      if (blank(factor.label)) problems.push({ field: `${at}.label`, message: 'Describe the factor' });
      if (factor.score !== 0 && factor.score !== 1 && factor.score !== 2) {
        problems.push({ field: `${at}.score`, message: 'Score the factor 0, 1 or 2' });
      } else if (factor.score === 2 && factor.modifiable === undefined) {
        problems.push({
          field: `${at}.modifiable`,
          message: 'A factor scored 2 must be considered for modifiability: say whether it is modifiable',
        });
      }
    });
  });
  if (!domains.some((entry) => entry.factors.length > 0)) {
    problems.push({ field: 'domains', message: 'Score at least one factor in domains A to D' });
  }
  return problems;
}

function modifiabilityProblems(draft: AnalysisDraft): FieldProblem[] {
  if (draft.modifiableFactors === undefined) {
    return [
      {
        field: 'modifiableFactors',
        message: 'Record whether the death had modifiable factors: yes, no or insufficient information',
      },
    ];
  }
  const anyModifiable = (draft.domains ?? []).some((d) => d.factors.some((f) => f.modifiable === true));
  if (draft.modifiableFactors === 'yes' && !anyModifiable) {
    return [
      {
        field: 'modifiableFactors',
        message: 'Modifiable factors is "yes": mark which factors are modifiable',
      },
    ];
  }
  if (draft.modifiableFactors !== 'yes' && anyModifiable) {
    return [
      {
        field: 'modifiableFactors',
        message: 'Some factors are marked modifiable, so modifiable factors should be "yes"',
      },
    ];
  }
  return [];
}

function categoryProblems(draft: AnalysisDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.primaryCategory === undefined) {
    problems.push({ field: 'primaryCategory', message: 'Choose the primary category of death (1 to 10)' });
  } else if (!isDeathCategoryNumber(draft.primaryCategory)) {
    problems.push({ field: 'primaryCategory', message: 'The primary category of death must be 1 to 10' });
  }
  (draft.otherCategories ?? []).forEach((category, i) => {
    if (!isDeathCategoryNumber(category)) {
      problems.push({ field: `otherCategories[${i}]`, message: 'Each other category must be 1 to 10' });
    }
  });
  return problems;
}

function actionProblems(draft: AnalysisDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  (draft.actions ?? []).forEach((action, i) => {
    if (blank(action.description)) {
      problems.push({ field: `actions[${i}].description`, message: 'Describe the action' });
    }
    if (blank(action.owner)) {
      problems.push({ field: `actions[${i}].owner`, message: 'Name the organisation that must act' });
    }
    if (!isIsoDate(action.dueDate)) {
      problems.push({
        field: `actions[${i}].dueDate`,
        message: 'Give the date the action is due, as YYYY-MM-DD',
      });
    }
  });
  return problems;
}

/**
 * Everything that stops the CDOP finalising the analysis form (WT 454), field by field. A primary
 * category that does not rank highest is only a warning (see `analysisWarnings`).
 */
export function missingForFinalise(
  draft: AnalysisDraft,
  definitions: readonly AnalysisFormDefinition[] = ANALYSIS_FORM_DEFINITIONS,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const definition = draft.formVersion ? analysisFormDefinition(draft.formVersion, definitions) : undefined;
  if (!definition) {
    problems.push({
      field: 'formVersion',
      message: `Give the analysis form version: one of ${definitions.map((d) => d.version).join(', ')}`,
    });
  }
  problems.push(
    ...domainProblems(draft, definition),
    ...modifiabilityProblems(draft),
    ...categoryProblems(draft),
  );
  if (blank(draft.causeOfDeath)) {
    problems.push({ field: 'causeOfDeath', message: 'Record the cause of death as understood' });
  }
  (draft.icd10Codes ?? []).forEach((code, i) => {
    if (!isIcd10Code(code)) {
      problems.push({ field: `icd10Codes[${i}]`, message: 'ICD-10 codes look like J18.9 or R95' });
    }
  });
  if (!(draft.learningPoints ?? []).some((point) => !blank(point))) {
    problems.push({
      field: 'learningPoints',
      message: 'Record at least one learning point, or say that no learning was identified',
    });
  }
  problems.push(...actionProblems(draft));
  if (draft.referredToSafeguarding === undefined) {
    problems.push({
      field: 'referredToSafeguarding',
      message: 'Record whether the case was referred to the safeguarding partners or the Panel',
    });
  }
  if (!isIsoDate(draft.reviewedOn)) {
    problems.push({
      field: 'reviewedOn',
      message: 'Give the date the CDOP reviewed the case, as YYYY-MM-DD',
    });
  }
  return problems;
}

/** Advice shown with the form that does not block finalising. */
export function analysisWarnings(draft: AnalysisDraft): FieldProblem[] {
  const { primaryCategory, otherCategories = [] } = draft;
  if (!isDeathCategoryNumber(primaryCategory) || !otherCategories.every(isDeathCategoryNumber)) return [];
  const warning = checkPrimaryCategory(primaryCategory, otherCategories);
  return warning ? [{ field: 'primaryCategory', message: warning.message }] : [];
}
