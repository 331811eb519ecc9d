import { FieldProblem } from './field-problem';

/** The notification's `circumstances` answers, as named in the API contract. */
export interface DeathCircumstances {
  externalCause?: boolean;
  suddenNoApparentCause?: boolean;
  inCustodyOrDetainedMHA?: boolean;
  suspiciousCircumstances?: boolean;
  stillbirthNoHealthProfessional?: boolean;
}

/** The five joint agency response criteria of WT 449, in the order the guidance lists them. */
export const JAR_CRITERIA = [
  {
    id: 'external-cause',
    answer: 'externalCause',
    text: 'The death is or could be due to external causes.',
  },
  {
    id: 'sudden-no-apparent-cause',
    answer: 'suddenNoApparentCause',
    text: 'The death was sudden and there is no immediately apparent cause, including sudden unexpected death in infancy or childhood.',
  },
  {
    id: 'custody-or-mha-detention',
    answer: 'inCustodyOrDetainedMHA',
    text: 'The death occurred in custody, or while the child was detained under the Mental Health Act.',
  },
  {
    id: 'suspicious-circumstances',
    answer: 'suspiciousCircumstances',
    text: 'The initial circumstances raise a suspicion that the death may not have been natural.',
  },
  {
    id: 'stillbirth-no-health-professional',
    answer: 'stillbirthNoHealthProfessional',
    text: 'The child was stillborn and no healthcare professional was in attendance.',
  },
] as const satisfies readonly { id: string; answer: keyof DeathCircumstances; text: string }[];

export type JarCriterionId = (typeof JAR_CRITERIA)[number]['id'];

export const JAR_CRITERION_IDS: readonly JarCriterionId[] = JAR_CRITERIA.map((c) => c.id);

const CITATION = 'A joint agency response is required (Working Together 2026, paragraph 449).';

export interface JarEvaluation {
  required: boolean;
  criteria: JarCriterionId[];
  explanations: { id: JarCriterionId; text: string }[];
}

/** Which WT 449 criteria the notification answers meet; any one makes a joint agency response required. */
export function evaluateJointAgencyResponse(circumstances: DeathCircumstances): JarEvaluation {
  const fired = JAR_CRITERIA.filter((criterion) => circumstances[criterion.answer] === true);
  return {
    required: fired.length > 0,
    criteria: fired.map((criterion) => criterion.id),
    explanations: fired.map((criterion) => ({ id: criterion.id, text: `${criterion.text} ${CITATION}` })),
  };
}

/** The designated doctor's decision as sent to the API: `reason` is needed only to override. */
export interface JarDecision {
  required: boolean;
  reason?: string;
}

export type JarDecisionCheck =
  { ok: true; outcome: 'confirmed' | 'overridden' } | { ok: false; problems: FieldProblem[] };

/**
 * A decision that agrees with the evaluation confirms it; one that disagrees overrides it and must say
 * why, so the record shows the reasoning behind departing from WT 449.
 */
export function checkJarDecision(
  evaluation: Pick<JarEvaluation, 'required'>,
  decision: JarDecision,
): JarDecisionCheck {
  if (decision.required === evaluation.required) return { ok: true, outcome: 'confirmed' };
  if (!decision.reason || decision.reason.trim() === '') {
    return {
      ok: false,
      problems: [
        {
          field: 'reason',
          message: evaluation.required
            ? 'Give a reason for deciding that no joint agency response is needed when the criteria say it is'
            : 'Give a reason for requiring a joint agency response when none of the criteria apply',
        },
      ],
    };
  }
  return { ok: true, outcome: 'overridden' };
}
