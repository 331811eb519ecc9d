import { UnprocessableEntityException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IncidentAttachment } from './incident-attachment.entity';
import { IncidentChild } from './incident-child.entity';
import { routeOf } from './incident-facts';
import { incidentView, IncidentView } from './incident-view';
import { LcsprRecord } from './lcspr.entity';
import { RapidReviewRecord } from './rapid-review.entity';
import type { RoutingDecision } from './rules/routing';
import { SeriousIncident } from './serious-incident.entity';

/** Everything recorded on an incident, loaded together. */
export interface IncidentBundle {
  incident: SeriousIncident;
  children: IncidentChild[];
  attachments: IncidentAttachment[];
  rapidReview: RapidReviewRecord | null;
  lcspr: LcsprRecord | null;
  decision: RoutingDecision;
}

export async function loadBundle(m: EntityManager, incident: SeriousIncident): Promise<IncidentBundle> {
  // One after another: inside a transaction every query shares one connection.
  const children = await m.find(IncidentChild, {
    where: { incidentId: incident.id },
    order: { position: 'ASC' },
  });
  const attachments = await m.find(IncidentAttachment, {
    where: { incidentId: incident.id },
    order: { createdAt: 'ASC' },
  });
  const rapidReview = await m.findOne(RapidReviewRecord, { where: { incidentId: incident.id } });
  const lcspr = await m.findOne(LcsprRecord, { where: { incidentId: incident.id } });
  return { incident, children, attachments, rapidReview, lcspr, decision: routeOf(incident, children) };
}

export async function loadView(m: EntityManager, incident: SeriousIncident): Promise<IncidentView> {
  return incidentView(await loadBundle(m, incident));
}

/** 422 with every reason, for a step the record is not ready for. */
export function notReady(reasons: string[]): UnprocessableEntityException {
  return new UnprocessableEntityException({ message: reasons });
}

/** `{ field: { before, after } }` for the fields whose value changed, for the audit trail. */
export function changesOf<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T)[],
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes[String(field)] = { before: before[field] ?? null, after: after[field] ?? null };
    }
  }
  return changes;
}
