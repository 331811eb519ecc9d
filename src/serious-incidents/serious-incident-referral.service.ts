import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../identity/permissions';
import { IncidentOpening } from './incident-opening.service';
import type { LegalStatus } from './rules/incident';
import { SeriousIncident } from './serious-incident.entity';

export interface ChildDeathReferral {
  childDeathCaseId: string;
  /** The child death case's reference, kept in the audit trail beside the new incident. */
  caseReference: string;
  localAuthorityId: string;
  reason: 'abuse-or-neglect-evidence' | 'looked-after-child-death';
  child: {
    givenName?: string;
    familyName?: string;
    dateOfBirth?: string;
    sex?: string;
    legalStatus: LegalStatus;
  };
  dateOfDeath: string;
  becameAwareOn: string;
  summary: string;
  actor: AuthenticatedUser;
}

/**
 * The child death process opens a serious incident notification here when evidence of abuse or neglect
 * is recorded (WT 452) or a looked after child dies (WT 381). The local authority then completes it,
 * the DCS signs it off and it is submitted as any other notification.
 */
@Injectable()
export class SeriousIncidentReferralService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly opening: IncidentOpening,
  ) {}

  /** Opens the draft, or returns the one already opened for this child death. */
  async referFromChildDeath(
    input: ChildDeathReferral,
    manager?: EntityManager,
  ): Promise<{ incidentId: string }> {
    const run = async (m: EntityManager) => {
      const existing = await m.findOne(SeriousIncident, {
        where: { childDeathCaseId: input.childDeathCaseId },
      });
      if (existing) return { incidentId: existing.id };
      const { child } = input;
      const identityKnown = Boolean(child.givenName?.trim() || child.familyName?.trim());
      const { incident } = await this.opening.open(
        m,
        {
          localAuthorityId: input.localAuthorityId,
          becameAwareOn: input.becameAwareOn,
          incidentDate: input.dateOfDeath,
          type: 'death',
          // A looked after child's death is notified whatever the cause; abuse is suspected only when told.
          abuseOrNeglect: input.reason === 'abuse-or-neglect-evidence' ? 'suspected' : 'not-suspected',
          // The CDOP reviews deaths of children in its area; the notifier corrects this if it was elsewhere.
          location: 'in-area',
          summary: input.summary,
          childDeathCaseId: input.childDeathCaseId,
        },
        [
          {
            identityKnown,
            legalStatus: child.legalStatus,
            givenName: child.givenName?.trim() || null,
            familyName: child.familyName?.trim() || null,
            dateOfBirth: child.dateOfBirth ?? null,
            sex: child.sex ?? null,
          },
        ],
        input.actor,
        { from: 'child-death', childDeathCaseReference: input.caseReference },
      );
      return { incidentId: incident.id };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
