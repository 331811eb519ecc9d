import { isIsoDate } from '../../calendar/iso-date';
import { FieldProblem } from '../../child-deaths/rules/field-problem';

/**
 * The criteria safeguarding partners must take into account when deciding on a local child
 * safeguarding practice review (WT 395; regulation 11 of the 2018 Regulations). None makes an LCSPR
 * automatic after a rapid review.
 */
export const LCSPR_CRITERIA = [
  {
    id: 'improvements-needed',
    text: 'The case highlights or may highlight improvements needed to safeguard and promote the welfare of children, including improvements identified before (Working Together 2026, paragraph 395).',
  },
  {
    id: 'recurrent-themes',
    text: 'The case highlights or may highlight recurrent themes in safeguarding and promoting the welfare of children (Working Together 2026, paragraph 395).',
  },
  {
    id: 'multi-agency-concerns',
    text: 'The case highlights or may highlight concerns about two or more organisations or agencies working together effectively to safeguard and promote the welfare of children (Working Together 2026, paragraph 395).',
  },
  {
    id: 'panel-recommended-local-review',
    text: 'The Panel has considered the case and concluded that a local review may be more appropriate (Working Together 2026, paragraph 395).',
  },
] as const;
export type LcsprCriterionId = (typeof LCSPR_CRITERIA)[number]['id'];

export function isLcsprCriterionId(value: unknown): value is LcsprCriterionId {
  return LCSPR_CRITERIA.some((criterion) => criterion.id === value);
}

/** The LCSPR decision as the API records it. */
export interface LcsprDecision {
  decision: 'lcspr' | 'no-lcspr';
  decidedOn?: string;
  rationale?: string;
  criteria?: string[];
}

/** Partners record the decision with its rationale (WT 395); an LCSPR names the criteria it rests on. */
export function checkLcsprDecision(decision: LcsprDecision): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(decision.decidedOn)) {
    problems.push({ field: 'decidedOn', message: 'Give the date of the decision as YYYY-MM-DD' });
  }
  if (!decision.rationale?.trim()) {
    problems.push({ field: 'rationale', message: 'Record the rationale for the decision' });
  }
  const criteria = decision.criteria ?? [];
  criteria.forEach((id, i) => {
    if (!isLcsprCriterionId(id)) {
      problems.push({
        field: `criteria[${i}]`,
        message: `Unknown criterion; use one of ${LCSPR_CRITERIA.map((c) => c.id).join(', ')}`,
      });
    }
  });
  if (decision.decision === 'lcspr' && criteria.length === 0) {
    problems.push({
      field: 'criteria',
      message: 'Name the criteria that call for a local child safeguarding practice review',
    });
  }
  return problems;
}

export const SAFEGUARDING_PARTNERS = ['local-authority', 'icb', 'police'] as const;
export type SafeguardingPartner = (typeof SAFEGUARDING_PARTNERS)[number];

const PARTNER_NAMES: Readonly<Record<SafeguardingPartner, string>> = {
  'local-authority': 'the local authority',
  icb: 'the integrated care board',
  police: 'the police',
};

/** A saved rapid review (API contract field names) with the sign-offs recorded so far. */
export interface RapidReview {
  facts?: string;
  agencyInvolvement?: { agency?: string; summary?: string }[];
  immediateSafetyActions?: { action?: string; owner?: string; dueDate?: string }[];
  learning?: string;
  lcsprRecommended?: boolean;
  nationalReviewMayBeAppropriate?: boolean;
  familyInformed?: { on?: string; how?: string };
  signOffs?: { partner: SafeguardingPartner }[];
}

function blank(value: string | undefined): boolean {
  return !value?.trim();
}

/**
 * What stops the rapid review going to the Panel: each of the five sections of its purpose (WT 392–393)
 * and the sign-off of all three safeguarding partners.
 */
export function missingForSubmit(review: RapidReview): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (blank(review.facts)) {
    problems.push({
      field: 'facts',
      message: 'Section 1: set out the facts of the case as far as they are established',
    });
  }
  const involvement = review.agencyInvolvement ?? [];
  if (involvement.length === 0) {
    problems.push({ field: 'agencyInvolvement', message: "Section 1: record each agency's involvement" });
  }
  involvement.forEach((entry, i) => {
    if (blank(entry.agency))
      problems.push({ field: `agencyInvolvement[${i}].agency`, message: 'Section 1: name the agency' });
    if (blank(entry.summary)) {
      problems.push({
        field: `agencyInvolvement[${i}].summary`,
        message: "Section 1: summarise the agency's involvement",
      });
    }
  });
  if (review.immediateSafetyActions === undefined) {
    problems.push({
      field: 'immediateSafetyActions',
      message:
        'Section 2: record the immediate actions taken to keep children safe, or that none were needed',
    });
  }
  (review.immediateSafetyActions ?? []).forEach((entry, i) => {
    if (blank(entry.action))
      problems.push({
        field: `immediateSafetyActions[${i}].action`,
        message: 'Section 2: describe the action',
      });
    if (blank(entry.owner)) {
      problems.push({
        field: `immediateSafetyActions[${i}].owner`,
        message: 'Section 2: name who owns the action',
      });
    }
    if (entry.dueDate !== undefined && !isIsoDate(entry.dueDate)) {
      problems.push({
        field: `immediateSafetyActions[${i}].dueDate`,
        message: 'Section 2: give the due date as YYYY-MM-DD',
      });
    }
  });
  if (blank(review.learning)) {
    problems.push({
      field: 'learning',
      message: 'Section 3: record the learning identified and improvements that may be needed',
    });
  }
  if (review.lcsprRecommended === undefined) {
    problems.push({
      field: 'lcsprRecommended',
      message: 'Section 4: record whether a local child safeguarding practice review is recommended',
    });
  }
  if (review.nationalReviewMayBeAppropriate === undefined) {
    problems.push({
      field: 'nationalReviewMayBeAppropriate',
      message: 'Section 4: record whether a national review may be appropriate',
    });
  }
  if (!isIsoDate(review.familyInformed?.on)) {
    problems.push({
      field: 'familyInformed.on',
      message: 'Section 5: give the date the family was told, as YYYY-MM-DD',
    });
  }
  if (blank(review.familyInformed?.how)) {
    problems.push({ field: 'familyInformed.how', message: 'Section 5: say how the family was told' });
  }
  const signed = new Set((review.signOffs ?? []).map((s) => s.partner));
  for (const partner of SAFEGUARDING_PARTNERS) {
    if (!signed.has(partner)) {
      problems.push({
        field: `signOffs.${partner}`,
        message: `Section 5: the sign-off from ${PARTNER_NAMES[partner]} is missing`,
      });
    }
  }
  return problems;
}
