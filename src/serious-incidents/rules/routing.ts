import { IsoDate } from '../../calendar/iso-date';
import { ageInYears } from '../../child-deaths/rules/age';
import type { ClockRuleId } from '../../deadlines/rules/clock-rules';
import { withinCareLeaverAge } from './care-leaver';
import { IncidentChild, IncidentNotification } from './incident';
import { checkNotifiableCriteria, childWithinNotifyingArea, CriteriaAssessment } from './notifiable-criteria';

/**
 * Which route an incident takes and which clocks apply, following "Rules that decide which clocks
 * apply" in statutory-windows.md. Each child is routed on its own; the incident takes the fullest route
 * any child needs, and the clocks of every child.
 */
export type Route = 'full-review' | 'notification-only' | 'criteria-not-met';

export const SI_CLOCK_RULE_IDS = [
  'SI-NOTIFY',
  'SI-PARTNERS',
  'SI-LAC-DEATH',
  'SI-CARE-LEAVER-DEATH',
  'SI-RAPID-REVIEW',
] as const satisfies readonly ClockRuleId[];
export type SiRoutingClockRuleId = (typeof SI_CLOCK_RULE_IDS)[number];

export interface RoutingFacts extends IncidentNotification {
  /** When the partners consulted the Panel about an adult harmed in childhood (WT 377). */
  panelConsultedOn?: IsoDate;
}

export interface ChildRoute {
  /** Position in the notification's children, from 0. */
  index: number;
  route: Route;
  reason: string;
  ageAtIncident?: number;
  /** Harmed as a child but an adult by the time the authority became aware (WT 377). */
  adultHarmedInChildhood: boolean;
}

export interface RoutingDecision {
  route: Route;
  routeReason: string;
  clockRules: SiRoutingClockRuleId[];
  criteria: CriteriaAssessment;
  children: ChildRoute[];
  panelConsultation: 'not-needed' | 'required' | 'recorded';
  /** Why the notification cannot be submitted yet; empty when it can (DCS sign-off aside). */
  submitBlockers: string[];
}

const ADULT = 18;
const RANK: Readonly<Record<Route, number>> = {
  'criteria-not-met': 0,
  'notification-only': 1,
  'full-review': 2,
};
const FULL_ROUTE_CLOCKS: readonly SiRoutingClockRuleId[] = ['SI-NOTIFY', 'SI-PARTNERS', 'SI-RAPID-REVIEW'];
const FULL_ROUTE =
  'a serious incident notification within 5 working days, then a rapid review within 15 working days of it (Working Together 2026, paragraph 385)';

/** Age at the incident (or, without an incident date, when the authority became aware), and at awareness. */
function ages(facts: RoutingFacts, child: IncidentChild): { atIncident?: number; atAwareness?: number } {
  const incidentOn = facts.incidentDate ?? facts.becameAwareOn;
  if (child.dateOfBirth) {
    return {
      atIncident: ageInYears(child.dateOfBirth, incidentOn),
      atAwareness: ageInYears(child.dateOfBirth, facts.becameAwareOn),
    };
  }
  if (child.ageYears === undefined) return {};
  return {
    atIncident: child.ageYears,
    atAwareness: child.ageYears + ageInYears(incidentOn, facts.becameAwareOn),
  };
}

function routeChild(
  facts: RoutingFacts,
  criteria: CriteriaAssessment,
  child: IncidentChild,
  index: number,
): ChildRoute & { clocks: SiRoutingClockRuleId[] } {
  const { atIncident, atAwareness } = ages(facts, child);
  const adultAtIncident = atIncident !== undefined && atIncident >= ADULT;
  const adultHarmedInChildhood = !adultAtIncident && atAwareness !== undefined && atAwareness >= ADULT;
  const meetsCriteria =
    criteria.conditions.abuseOrNeglect.met &&
    criteria.conditions.deathOrSeriousHarm.met &&
    childWithinNotifyingArea(facts, child);
  const died = facts.type === 'death';
  const base = { index, ageAtIncident: atIncident, adultHarmedInChildhood };
  const notMetBecause = meetsCriteria
    ? ''
    : facts.abuseOrNeglect === 'not-suspected'
      ? 'abuse or neglect is not known or suspected'
      : 'the section 16C(1) criteria are not met for this area';

  if (
    child.legalStatus === 'care-leaver' &&
    died &&
    (atIncident === undefined || withinCareLeaverAge(atIncident))
  ) {
    const notify =
      'The Secretary of State and Ofsted are notified of the death of a care leaver (Working Together 2026, paragraph 382).';
    if (adultAtIncident) {
      return {
        ...base,
        route: 'notification-only',
        clocks: ['SI-CARE-LEAVER-DEATH'],
        reason: `A care leaver aged ${atIncident} died. ${notify} For care leavers aged 18 or over no rapid review or local child safeguarding practice review is required (paragraph 384).`,
      };
    }
    if (meetsCriteria) {
      return {
        ...base,
        route: 'full-review',
        clocks: ['SI-CARE-LEAVER-DEATH', ...FULL_ROUTE_CLOCKS],
        reason: `A care leaver under 18 died and abuse or neglect is ${facts.abuseOrNeglect}. ${notify} As abuse or neglect was a factor, the full learning process follows (paragraph 383): ${FULL_ROUTE}.`,
      };
    }
    return {
      ...base,
      route: 'notification-only',
      clocks: ['SI-CARE-LEAVER-DEATH'],
      reason: `A care leaver under 18 died and ${notMetBecause}. ${notify} No rapid review or local child safeguarding practice review is required (paragraph 383).`,
    };
  }

  if (child.legalStatus === 'looked-after' && died) {
    const notify =
      'The Secretary of State and Ofsted are notified of the death of a looked after child whatever the cause (Working Together 2026, paragraph 381).';
    return meetsCriteria
      ? {
          ...base,
          route: 'full-review',
          clocks: ['SI-LAC-DEATH', ...FULL_ROUTE_CLOCKS],
          reason: `A looked after child died and abuse or neglect is ${facts.abuseOrNeglect}. ${notify} The full learning route follows: ${FULL_ROUTE}.`,
        }
      : {
          ...base,
          route: 'notification-only',
          clocks: ['SI-LAC-DEATH'],
          reason: `A looked after child died and ${notMetBecause}. ${notify} There is no rapid review or local child safeguarding practice review.`,
        };
  }

  if (adultAtIncident) {
    const careLeaverNote =
      child.legalStatus === 'care-leaver' && died
        ? ' Care leaver deaths are notified up to and including age 24 (Working Together 2026, paragraph 382).'
        : '';
    return {
      ...base,
      route: 'criteria-not-met',
      clocks: [],
      reason: `Aged ${atIncident} at the incident: section 16C(1) applies to children under 18 (Working Together 2026, paragraph 362).${careLeaverNote}`,
    };
  }

  if (!meetsCriteria) {
    const { abuseOrNeglect, deathOrSeriousHarm, location } = criteria.conditions;
    const failed = [abuseOrNeglect, deathOrSeriousHarm].filter((c) => !c.met).map((c) => c.reason);
    if (!childWithinNotifyingArea(facts, child)) {
      failed.push(
        facts.location === 'outside-england'
          ? 'The child was harmed outside England and is not recorded as normally resident in the notifying area (section 16C(1)(b)).'
          : location.reason,
      );
    }
    return {
      ...base,
      route: 'criteria-not-met',
      clocks: [],
      reason: [
        ...failed,
        'The child was not a looked after child or a care leaver who died, so no other notification is needed.',
      ].join(' '),
    };
  }

  if (adultHarmedInChildhood) {
    return {
      ...base,
      route: 'full-review',
      // Consulting the Panel comes first and has no clock of its own (WT 377).
      clocks: ['SI-RAPID-REVIEW'],
      reason: `Harmed in childhood and now aged ${atAwareness}: the safeguarding partners consult the Panel before notifying (Working Together 2026, paragraph 377). Once notified, a rapid review follows (paragraph 385).`,
    };
  }

  return {
    ...base,
    route: 'full-review',
    clocks: [...FULL_ROUTE_CLOCKS],
    reason: `Abuse or neglect is ${facts.abuseOrNeglect} and the child ${died ? 'died' : facts.type === 'serious-harm' ? 'was seriously harmed' : 'was harmed'}: the section 16C(1) criteria are met, so the full learning route follows: ${FULL_ROUTE}.`,
  };
}

export function decideRoute(facts: RoutingFacts): RoutingDecision {
  const criteria = checkNotifiableCriteria(facts);
  // A notification may go in before anything is known about the child (WT 374).
  const children: IncidentChild[] =
    facts.children.length > 0 ? facts.children : [{ identityKnown: false, legalStatus: 'none' }];
  const routed = children.map((child, index) => routeChild(facts, criteria, child, index));
  const route = routed.reduce<Route>(
    (best, r) => (RANK[r.route] > RANK[best] ? r.route : best),
    'criteria-not-met',
  );
  const deciding = routed.filter((r) => r.route === route);
  const routeReason =
    routed.length === 1
      ? deciding[0].reason
      : deciding.map((r) => `Child ${r.index + 1}: ${r.reason}`).join(' ');
  const clocks = new Set(routed.flatMap((r) => r.clocks));
  const consultationNeeded = routed.some((r) => r.route === 'full-review' && r.adultHarmedInChildhood);
  const panelConsultation = !consultationNeeded
    ? 'not-needed'
    : facts.panelConsultedOn
      ? 'recorded'
      : 'required';

  const submitBlockers: string[] = [];
  if (facts.children.length === 0) {
    submitBlockers.push('Record at least one child; their identity may still be unknown.');
  }
  if (route === 'criteria-not-met') submitBlockers.push(`There is nothing to notify: ${routeReason}`);
  if (facts.type === 'other' && !(facts.otherRationale ?? '').trim()) {
    submitBlockers.push(
      'Give the rationale for notifying as "other" (Working Together 2026, paragraph 375).',
    );
  }
  if (panelConsultation === 'required') {
    submitBlockers.push(
      'Record the consultation with the Panel: the person harmed is now an adult (Working Together 2026, paragraph 377).',
    );
  }

  return {
    route,
    routeReason,
    clockRules: SI_CLOCK_RULE_IDS.filter((id) => clocks.has(id)),
    criteria,
    children: routed.map(({ clocks: _clocks, ...child }) => child),
    panelConsultation,
    submitBlockers,
  };
}
