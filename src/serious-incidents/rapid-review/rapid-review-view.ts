import type { RapidReviewRecord } from '../rapid-review.entity';
import type { FieldProblem } from '../../child-deaths/rules/field-problem';
import { missingForSubmit, RapidReview } from '../rules/lcspr';

/** The saved record as the plain rules read it. */
export function rapidReviewFacts(record: RapidReviewRecord): RapidReview {
  return {
    ...(record.facts !== null ? { facts: record.facts } : {}),
    agencyInvolvement: record.agencyInvolvement,
    ...(record.immediateSafetyActions !== null
      ? { immediateSafetyActions: record.immediateSafetyActions }
      : {}),
    ...(record.learning !== null ? { learning: record.learning } : {}),
    ...(record.lcsprRecommended !== null ? { lcsprRecommended: record.lcsprRecommended } : {}),
    ...(record.nationalReviewMayBeAppropriate !== null
      ? { nationalReviewMayBeAppropriate: record.nationalReviewMayBeAppropriate }
      : {}),
    ...(record.familyInformedOn || record.familyInformedHow
      ? {
          familyInformed: {
            ...(record.familyInformedOn ? { on: record.familyInformedOn } : {}),
            ...(record.familyInformedHow ? { how: record.familyInformedHow } : {}),
          },
        }
      : {}),
    signOffs: record.signOffs,
  };
}

/**
 * What stops the rapid review going to the Panel: the rules' sections and sign-offs, and the rationale
 * for the LCSPR recommendation against the criteria (WT 392 point 4, WT 395).
 */
export function reviewProblems(record: RapidReviewRecord): FieldProblem[] {
  const problems = missingForSubmit(rapidReviewFacts(record));
  const decision: FieldProblem[] = [];
  if (!record.lcsprRationale?.trim()) {
    decision.push({
      field: 'lcsprRationale',
      message: 'Section 4: give the rationale for the recommendation against the LCSPR criteria',
    });
  }
  if (record.lcsprRecommended === true && record.lcsprCriteria.length === 0) {
    decision.push({
      field: 'lcsprCriteria',
      message: 'Section 4: name the LCSPR criteria the recommendation rests on',
    });
  }
  const signOffsAt = problems.findIndex((p) => p.field.startsWith('signOffs'));
  const at = signOffsAt === -1 ? problems.length : signOffsAt;
  return [...problems.slice(0, at), ...decision, ...problems.slice(at)];
}

export function rapidReviewView(record: RapidReviewRecord) {
  const missing = reviewProblems(record);
  return {
    id: record.id,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
    incidentId: record.incidentId,
    status: record.submittedOn ? 'submitted' : 'draft',
    facts: record.facts,
    agencyInvolvement: record.agencyInvolvement,
    agencyContributions: record.agencyContributions,
    immediateSafetyActions: record.immediateSafetyActions,
    learning: record.learning,
    lcsprRecommended: record.lcsprRecommended,
    lcsprCriteria: record.lcsprCriteria,
    lcsprRationale: record.lcsprRationale,
    nationalReviewMayBeAppropriate: record.nationalReviewMayBeAppropriate,
    nationalReviewRationale: record.nationalReviewRationale,
    familyInformed:
      record.familyInformedOn || record.familyInformedHow
        ? { on: record.familyInformedOn, how: record.familyInformedHow }
        : null,
    signOffs: record.signOffs,
    missing,
    submittedOn: record.submittedOn,
    panelReply: record.panelReplyOn
      ? {
          receivedOn: record.panelReplyOn,
          nationalReviewDecision: record.panelNationalReviewDecision,
          summary: record.panelReplySummary,
        }
      : null,
  };
}
export type RapidReviewView = ReturnType<typeof rapidReviewView>;
