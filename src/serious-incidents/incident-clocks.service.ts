import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { londonMidnight } from '../calendar/iso-date';
import { DeadlineView } from '../deadlines/deadline-view';
import { ClockKey, DeadlinesService } from '../deadlines/deadlines.service';
import type { ClockRuleId } from '../deadlines/rules/clock-rules';
import type { ClockBasis } from '../deadlines/rules/compute-due';
import { incidentOrganisationIds } from './incident-organisations';
import type { RoutingDecision } from './rules/routing';
import type { SeriousIncident } from './serious-incident.entity';

/** The clocks that start when the local authority becomes aware; the rapid review waits for submission. */
const AWARENESS_RULES: readonly ClockRuleId[] = [
  'SI-NOTIFY',
  'SI-PARTNERS',
  'SI-LAC-DEATH',
  'SI-CARE-LEAVER-DEATH',
];

/** A case's clock as the engine keys it. */
export interface ClockOwner {
  id: string;
  reference: string;
  path: string;
  organisationIds: string[];
  defaultsOrganisationId?: string;
}

export function incidentClockOwner(incident: SeriousIncident): ClockOwner {
  return {
    id: incident.id,
    reference: incident.reference,
    path: `/serious-incidents/${incident.id}`,
    organisationIds: incidentOrganisationIds(incident),
    ...(incident.partnershipId ? { defaultsOrganisationId: incident.partnershipId } : {}),
  };
}

/**
 * Records serious incident events as clock changes in the engine, inside the caller's transaction.
 * Dates recorded by people (a submission on a given day) are met at the start of that London day.
 */
@Injectable()
export class IncidentClocks {
  constructor(private readonly deadlines: DeadlinesService) {}

  start(m: EntityManager, owner: ClockOwner, ruleId: ClockRuleId, basis: ClockBasis): Promise<DeadlineView> {
    return this.deadlines.start(
      {
        caseId: owner.id,
        caseType: ruleId.startsWith('SP-') ? 'sp' : 'si',
        caseReference: owner.reference,
        casePath: owner.path,
        organisationIds: owner.organisationIds,
        ...(owner.defaultsOrganisationId ? { defaultsOrganisationId: owner.defaultsOrganisationId } : {}),
        ruleId,
        basis,
      },
      m,
    );
  }

  list(m: EntityManager, caseId: string): Promise<DeadlineView[]> {
    return this.deadlines.listForCase(caseId, m);
  }

  /** Meets the clock on `on` if it is running; a clock never started or already closed is left alone. */
  async meet(m: EntityManager, caseId: string, key: ClockKey, on: string): Promise<void> {
    const ruleId = typeof key === 'string' ? key : key.ruleId;
    const clocks = await this.deadlines.listForCase(caseId, m);
    const clock = clocks.find((c) => c.rule === ruleId);
    if (!clock || !['pending', 'overdue', 'paused'].includes(clock.status)) return;
    await this.deadlines.complete(caseId, key, londonMidnight(on), m);
  }

  /** A running clock the case turned out not to need is marked not applicable, with the reason shown. */
  async setAside(m: EntityManager, caseId: string, ruleId: ClockRuleId, reason: string): Promise<void> {
    const clock = (await this.deadlines.listForCase(caseId, m)).find((c) => c.rule === ruleId);
    if (clock && ['pending', 'overdue', 'paused'].includes(clock.status)) {
      await this.deadlines.markNotApplicable(caseId, ruleId, reason, m);
    }
  }

  /** Moves a started clock onto a corrected basis date (a changed awareness or planned publication date). */
  async rebase(m: EntityManager, caseId: string, ruleId: ClockRuleId, date: string): Promise<void> {
    const clock = (await this.deadlines.listForCase(caseId, m)).find((c) => c.rule === ruleId);
    if (clock && clock.basisDate !== date && clock.status !== 'not-applicable') {
      await this.deadlines.correctBasis(caseId, ruleId, { date }, m);
    }
  }

  /** The rapid review is due 15 working days after the notification went in (WT 385). */
  async startRapidReview(m: EntityManager, incident: SeriousIncident): Promise<void> {
    if (!incident.submittedOn) return;
    await this.start(m, incidentClockOwner(incident), 'SI-RAPID-REVIEW', { date: incident.submittedOn });
  }

  /**
   * Keeps the awareness clocks in line with the route while the notification is worked on: starts those
   * it now needs, moves them when the awareness date is corrected, and sets aside those it no longer needs.
   */
  async applyRoute(m: EntityManager, incident: SeriousIncident, decision: RoutingDecision): Promise<void> {
    const owner = incidentClockOwner(incident);
    const existing = await this.deadlines.listForCase(incident.id, m);
    for (const ruleId of AWARENESS_RULES) {
      const clock = existing.find((c) => c.rule === ruleId);
      const needed = decision.clockRules.includes(ruleId as (typeof decision.clockRules)[number]);
      if (needed && !clock) {
        await this.start(m, owner, ruleId, { date: incident.becameAwareOn });
      } else if (
        needed &&
        clock &&
        clock.status !== 'not-applicable' &&
        clock.basisDate !== incident.becameAwareOn
      ) {
        await this.deadlines.correctBasis(incident.id, ruleId, { date: incident.becameAwareOn }, m);
      } else if (!needed && clock) {
        await this.setAside(
          m,
          incident.id,
          ruleId,
          `The notification's answers no longer call for this: ${decision.routeReason}`.slice(0, 1000),
        );
      }
    }
  }
}
