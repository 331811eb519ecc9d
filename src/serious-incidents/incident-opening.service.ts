import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { parseIsoDate } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import type { AuthenticatedUser } from '../identity/permissions';
import { IncidentChild } from './incident-child.entity';
import { IncidentClocks } from './incident-clocks.service';
import { routeOf } from './incident-facts';
import { incidentOrganisationIds } from './incident-organisations';
import { nextReference } from './incident-reference';
import { SeriousIncident } from './serious-incident.entity';

export type NewIncident = Pick<
  SeriousIncident,
  'localAuthorityId' | 'becameAwareOn' | 'type' | 'abuseOrNeglect' | 'location' | 'summary'
> &
  Partial<Omit<SeriousIncident, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'reference' | 'status'>>;

export type NewChild = Pick<IncidentChild, 'identityKnown' | 'legalStatus'> &
  Partial<Omit<IncidentChild, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'incidentId' | 'position'>>;

/** Opens a draft notification: reference, partnership, children, the clocks its route needs, audit. */
@Injectable()
export class IncidentOpening {
  constructor(
    private readonly audit: AuditService,
    private readonly time: TimeSource,
    private readonly clocks: IncidentClocks,
  ) {}

  async open(
    m: EntityManager,
    input: NewIncident,
    childInputs: NewChild[],
    actor: AuthenticatedUser,
    source: { from: 'notification' } | { from: 'child-death'; childDeathCaseReference: string },
  ): Promise<{ incident: SeriousIncident; children: IncidentChild[] }> {
    const reference = await nextReference(m, 'SI', parseIsoDate(this.time.today()).year);
    const partnership: { id: string }[] = await m.query(
      `SELECT id FROM organisation WHERE type = 'safeguarding-partnership'
         AND $1 = ANY(covers_local_authority_ids) ORDER BY created_at LIMIT 1`,
      [input.localAuthorityId],
    );
    const incident = await m.save(
      m.create(SeriousIncident, {
        ...input,
        reference,
        status: 'draft',
        partnershipId: partnership[0]?.id ?? null,
        leadLocalAuthorityId: input.leadLocalAuthorityId ?? input.localAuthorityId,
        createdByUserId: actor.id,
      }),
    );
    const children = await m.save(
      childInputs.map((child, i) =>
        m.create(IncidentChild, { ...child, incidentId: incident.id, position: i + 1 }),
      ),
    );
    const decision = routeOf(incident, children);
    await this.clocks.applyRoute(m, incident, decision);
    await this.audit.record(
      {
        action: 'case.create',
        actor,
        caseId: incident.id,
        organisationIds: incidentOrganisationIds(incident),
        details: {
          caseType: 'si',
          reference,
          ...source,
          route: decision.route,
          children: children.length,
          ...(incident.childDeathCaseId ? { childDeathCaseId: incident.childDeathCaseId } : {}),
        },
      },
      m,
    );
    return { incident, children };
  }
}

export { incidentOrganisationIds } from './incident-organisations';
