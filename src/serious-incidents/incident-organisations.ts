import type { SeriousIncident } from './serious-incident.entity';

/** Every organisation whose people work on the incident: the notifying, lead and other areas involved. */
export function incidentOrganisationIds(incident: SeriousIncident): string[] {
  return [
    ...new Set([
      incident.localAuthorityId,
      incident.leadLocalAuthorityId,
      ...incident.involvedLocalAuthorityIds,
      ...(incident.partnershipId ? [incident.partnershipId] : []),
    ]),
  ];
}
