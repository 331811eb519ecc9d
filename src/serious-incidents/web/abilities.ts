import type { AuthenticatedUser, Role } from '../../identity/permissions';
import type { IncidentContext } from './page-context.service';

const has = (user: AuthenticatedUser, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

/** Which actions the case page offers this person; the services decide again when they are used. */
export function abilities(user: AuthenticatedUser, { incident, rapidReview, lcspr }: IncidentContext) {
  const notifier = has(user, 'la-notifier', 'dcs');
  const partnership = has(user, 'partnership-manager', 'safeguarding-partner');
  const submitted = incident.status === 'submitted';
  const fullRoute = incident.route === 'full-review';
  return {
    edit: notifier,
    signOff: has(user, 'dcs') && user.organisationIds.includes(incident.localAuthorityId) && !submitted,
    submit: notifier && incident.status === 'signed-off',
    partnersInformed: (notifier || has(user, 'partnership-manager')) && !incident.partnersInformedOn,
    partnerView: partnership,
    localLearningReview: (notifier || partnership) && incident.route === 'criteria-not-met',
    attach: notifier || partnership,
    rapidReview: (partnership || has(user, 'la-notifier')) && fullRoute && !rapidReview?.submittedOn,
    signRapidReview: partnership && fullRoute && !!rapidReview && !rapidReview.submittedOn,
    submitRapidReview:
      partnership &&
      submitted &&
      !!rapidReview &&
      !rapidReview.submittedOn &&
      rapidReview.missing.length === 0,
    decideLcspr: partnership && submitted && fullRoute && !lcspr?.publication.publishedOn,
    lcsprSteps: partnership && lcspr?.decision === 'lcspr',
  };
}
export type Abilities = ReturnType<typeof abilities>;
