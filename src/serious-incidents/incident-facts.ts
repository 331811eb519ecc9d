import type { IncidentChild as ChildFacts } from './rules/incident';
import { decideRoute, RoutingDecision, RoutingFacts } from './rules/routing';
import type { IncidentChild } from './incident-child.entity';
import type { SeriousIncident } from './serious-incident.entity';

/** The stored incident as the plain rules read it. */
export function routingFacts(incident: SeriousIncident, children: IncidentChild[]): RoutingFacts {
  const ordered = [...children].sort((a, b) => a.position - b.position);
  return {
    localAuthorityId: incident.localAuthorityId,
    becameAwareOn: incident.becameAwareOn,
    ...(incident.incidentDate ? { incidentDate: incident.incidentDate } : {}),
    type: incident.type,
    ...(incident.otherRationale ? { otherRationale: incident.otherRationale } : {}),
    abuseOrNeglect: incident.abuseOrNeglect,
    location: incident.location,
    summary: incident.summary,
    children: ordered.map(childFacts),
    ...(incident.panelConsultedOn ? { panelConsultedOn: incident.panelConsultedOn } : {}),
  };
}

export function childFacts(child: IncidentChild): ChildFacts {
  return {
    identityKnown: child.identityKnown,
    legalStatus: child.legalStatus,
    ...(child.givenName ? { givenName: child.givenName } : {}),
    ...(child.familyName ? { familyName: child.familyName } : {}),
    ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : {}),
    ...(child.ageYears !== null ? { ageYears: child.ageYears } : {}),
    ...(child.sex ? { sex: child.sex } : {}),
    ...(child.normallyResidentLocalAuthorityId
      ? { normallyResidentLocalAuthorityId: child.normallyResidentLocalAuthorityId }
      : {}),
  };
}

export function routeOf(incident: SeriousIncident, children: IncidentChild[]): RoutingDecision {
  return decideRoute(routingFacts(incident, children));
}
