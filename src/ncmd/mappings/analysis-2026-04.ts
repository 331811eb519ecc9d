import type { IsoDate } from '../../calendar/iso-date';
import {
  ANALYSIS_DOMAINS,
  type ActionStatus,
  type AnalysisDomain,
  type AnalysisFormSource,
  type DeathCategory,
  type FactorScore,
  type ModifiableFactors,
  type NcmdDomain,
} from '../export-case';
import type { AnalysisFormMapping, Candidate } from './form-mapping';

/** The analysis form as saved through PUT /api/child-deaths/{caseId}/analysis for form version 2026-04. */
interface AnalysisForm202604 {
  domains: { domain: AnalysisDomain; factors: Factor[] }[];
  modifiableFactors: ModifiableFactors;
  primaryCategory: DeathCategory;
  otherCategories: DeathCategory[];
  causeOfDeath: string;
  icd10Codes: string[];
  learningPoints: string[];
  actions: { owner: string; description: string; dueDate: IsoDate; status?: ActionStatus }[];
  referredToSafeguarding: boolean;
}

interface Factor {
  code: string;
  label: string;
  score: FactorScore;
  modifiable: boolean;
}

type SavedForm = { [K in keyof AnalysisForm202604]?: AnalysisForm202604[K] | null };

export const analysisForm202604: AnalysisFormMapping = {
  formVersion: '2026-04',
  map(source: AnalysisFormSource) {
    const form = source as SavedForm;
    return {
      referredToSafeguarding: form.referredToSafeguarding ?? undefined,
      analysis: {
        analysisFormVersion: source.formVersion,
        domains: Array.isArray(form.domains) ? inDomainOrder(form.domains) : undefined,
        modifiableFactors: form.modifiableFactors ?? undefined,
        primaryCategory: form.primaryCategory ?? undefined,
        otherCategories: form.otherCategories ?? [],
        causeOfDeath: form.causeOfDeath ?? undefined,
        icd10Codes: form.icd10Codes ?? [],
        learningPoints: form.learningPoints ?? [],
        actions: (form.actions ?? []).map((action) => ({
          owner: action.owner,
          description: action.description,
          dueDate: action.dueDate,
          status: action.status ?? 'open',
        })),
      },
    };
  },
};

/**
 * The export always carries domains A to D in order, each with its factors as entered. A form naming any
 * other domain is passed through unchanged so that validation rejects it rather than losing factors.
 */
function inDomainOrder(domains: AnalysisForm202604['domains']): Candidate<NcmdDomain>[] {
  const copyFactor = (factor: Factor) => ({
    code: factor.code,
    label: factor.label,
    score: factor.score,
    modifiable: factor.modifiable,
  });
  if (!domains.every((entry) => ANALYSIS_DOMAINS.includes(entry.domain))) {
    return domains.map((entry) => ({ domain: entry.domain, factors: (entry.factors ?? []).map(copyFactor) }));
  }
  return ANALYSIS_DOMAINS.map((domain) => ({
    domain,
    factors: domains
      .filter((entry) => entry.domain === domain)
      .flatMap((entry) => entry.factors ?? [])
      .map(copyFactor),
  }));
}
