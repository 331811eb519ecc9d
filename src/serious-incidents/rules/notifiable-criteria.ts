import { IncidentChild, IncidentNotification } from './incident';

/**
 * Section 16C(1) Children Act 2004 (quoted at WT 362): the local authority must notify the Panel when
 * it knows or suspects that a child has been abused or neglected and the child dies or is seriously
 * harmed (a) in its area, or (b) outside England while normally resident in its area.
 */
export type CriteriaFacts = Pick<
  IncidentNotification,
  'localAuthorityId' | 'type' | 'otherRationale' | 'abuseOrNeglect' | 'location' | 'children'
>;

export interface ConditionResult {
  met: boolean;
  /** Plain English, with its source in Working Together. */
  reason: string;
}

export interface CriteriaAssessment {
  criteriaMet: boolean;
  /** Each condition's reason, met or not, then the conclusion. */
  reasons: string[];
  conditions: {
    abuseOrNeglect: ConditionResult;
    deathOrSeriousHarm: ConditionResult;
    location: ConditionResult;
  };
}

function hasRationale(facts: Pick<CriteriaFacts, 'otherRationale'>): boolean {
  return (facts.otherRationale ?? '').trim() !== '';
}

/** Whether this child's harm happened where the notifying authority is the one that must notify. */
export function childWithinNotifyingArea(
  facts: Pick<CriteriaFacts, 'localAuthorityId' | 'location'>,
  child: IncidentChild,
): boolean {
  if (facts.location === 'in-area') return true;
  return (
    facts.location === 'outside-england' && child.normallyResidentLocalAuthorityId === facts.localAuthorityId
  );
}

function abuseReason(facts: CriteriaFacts): ConditionResult {
  if (facts.abuseOrNeglect === 'not-suspected') {
    return {
      met: false,
      reason:
        'Abuse or neglect is neither known nor suspected, so the incident is not notifiable under section 16C(1) (Working Together 2026, paragraph 362).',
    };
  }
  return {
    met: true,
    reason: `Abuse or neglect is ${facts.abuseOrNeglect === 'known' ? 'known' : 'suspected'}: this condition of section 16C(1) is met (Working Together 2026, paragraph 362).`,
  };
}

function harmReason(facts: CriteriaFacts): ConditionResult {
  switch (facts.type) {
    case 'death':
      return {
        met: true,
        reason: 'The child died: the harm condition is met (Working Together 2026, paragraph 362).',
      };
    case 'serious-harm':
      return {
        met: true,
        reason:
          'The child was seriously harmed: the harm condition is met. Serious harm includes serious or long-term impairment of mental health or of intellectual, emotional, social or behavioural development, and may have occurred even if the child recovers (Working Together 2026, paragraph 367).',
      };
    case 'other':
      return hasRationale(facts)
        ? {
            met: true,
            reason:
              'Notified as "other" with a stated rationale, as the guidance allows. A suicide where abuse or neglect is a factor is notified as a death (Working Together 2026, paragraph 375).',
          }
        : {
            met: false,
            reason:
              'Notified as "other" without a rationale. Incidents are notified as "death" or "serious harm" unless there is a clear rationale for "other"; a suicide where abuse or neglect is a factor is notified as a death (Working Together 2026, paragraph 375).',
          };
  }
}

function locationReason(facts: CriteriaFacts): ConditionResult {
  switch (facts.location) {
    case 'in-area':
      return {
        met: true,
        reason:
          "The incident happened in the notifying local authority's area (section 16C(1)(a), Working Together 2026, paragraph 362).",
      };
    case 'outside-england': {
      const resident = facts.children.filter((child) => childWithinNotifyingArea(facts, child)).length;
      return resident > 0
        ? {
            met: true,
            reason: `The incident happened outside England and ${resident === 1 ? 'a child involved was' : `${resident} children involved were`} normally resident in the notifying area (section 16C(1)(b), Working Together 2026, paragraph 362).`,
          }
        : {
            met: false,
            reason:
              'The incident happened outside England, but no child involved is recorded as normally resident in the notifying area, so section 16C(1)(b) does not apply to this local authority (Working Together 2026, paragraph 362).',
          };
    }
    case 'elsewhere-in-england':
      return {
        met: false,
        reason:
          'The incident happened elsewhere in England: the local authority for that area is the one that notifies (section 16C(1)(a), Working Together 2026, paragraphs 362 and 372).',
      };
  }
}

export function checkNotifiableCriteria(facts: CriteriaFacts): CriteriaAssessment {
  const conditions = {
    abuseOrNeglect: abuseReason(facts),
    deathOrSeriousHarm: harmReason(facts),
    location: locationReason(facts),
  };
  const criteriaMet = Object.values(conditions).every((condition) => condition.met);
  const reasons = Object.values(conditions).map((condition) => condition.reason);
  reasons.push(
    criteriaMet
      ? 'The criteria for a serious incident notification are met.'
      : 'The criteria for a serious incident notification are not met. The safeguarding partners may still hold a local learning review, which is not a local child safeguarding practice review and is not sent to the Panel (Working Together 2026, paragraph 378).',
  );
  return { criteriaMet, reasons, conditions };
}
