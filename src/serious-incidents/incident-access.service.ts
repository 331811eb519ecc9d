import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, CASE_NOT_FOUND_MESSAGE, CaseScope } from '../identity/access.service';
import type { AuthenticatedUser, Role } from '../identity/permissions';
import { incidentOrganisationIds } from './incident-organisations';
import { SeriousIncident } from './serious-incident.entity';

/** Incidents whose commissioned reviewer (`:me`) may see them: declared, and any conflict accepted. */
export const REVIEWER_INCIDENTS = `SELECT incident_id FROM si_lcspr
  WHERE reviewer_user_id = :me AND decision = 'lcspr' AND declaration IS NOT NULL
    AND ((declaration->>'hasConflict')::boolean = false OR (conflict_decision->>'accepted')::boolean = true)`;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Roles that change a notification: only the local authority notifies (WT 379). */
export const NOTIFIER_ROLES: Role[] = ['la-notifier', 'dcs'];
/** Roles that run the review process for the partnership. */
export const PARTNERSHIP_ROLES: Role[] = ['partnership-manager', 'safeguarding-partner'];

/**
 * Who may see or change an incident. The notifying, lead and involved areas (and through them their
 * partnership and its partners) see it; a commissioned reviewer sees it only once their conflict of
 * interest declaration allows it.
 */
@Injectable()
export class IncidentAccess {
  constructor(private readonly access: AccessService) {}

  async scope(m: EntityManager, incident: SeriousIncident): Promise<CaseScope> {
    const reviewers: { reviewer_user_id: string }[] = await m.query(
      `SELECT reviewer_user_id FROM si_lcspr
        WHERE incident_id = $1 AND decision = 'lcspr' AND reviewer_user_id IS NOT NULL
          AND declaration IS NOT NULL
          AND ((declaration->>'hasConflict')::boolean = false
               OR (conflict_decision->>'accepted')::boolean = true)`,
      [incident.id],
    );
    const organisations = incidentOrganisationIds(incident);
    return {
      caseId: incident.id,
      owningOrganisationIds: [incident.localAuthorityId],
      sharedWithOrganisationIds: organisations.filter((id) => id !== incident.localAuthorityId),
      reviewerUserIds: reviewers.map((r) => r.reviewer_user_id),
    };
  }

  /** The incident, or 404 when it does not exist or the user may not see it. */
  async read(m: EntityManager, id: string, user: AuthenticatedUser): Promise<SeriousIncident> {
    const incident = await this.load(m, id, false);
    await this.access.assertCanRead(user, await this.scope(m, incident));
    return incident;
  }

  /** The incident locked for change: 404 when unseen, 403 without one of `roles`. */
  async act(m: EntityManager, id: string, user: AuthenticatedUser, roles: Role[]): Promise<SeriousIncident> {
    const incident = await this.load(m, id, true);
    await this.access.assertCanAct(user, await this.scope(m, incident), roles);
    return incident;
  }

  async canRead(m: EntityManager, incident: SeriousIncident, user: AuthenticatedUser): Promise<boolean> {
    return this.access.canRead(user, await this.scope(m, incident));
  }

  visibleOrganisationIds(user: AuthenticatedUser): Promise<string[]> {
    return this.access.visibleOrganisationIds(user);
  }

  private async load(m: EntityManager, id: string, lock: boolean): Promise<SeriousIncident> {
    const incident = UUID.test(id)
      ? await m.findOne(SeriousIncident, {
          where: { id },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!incident) throw new NotFoundException(CASE_NOT_FOUND_MESSAGE);
    return incident;
  }
}
