import { EntityManager, In } from 'typeorm';
import { londonDateOf } from '../../calendar/iso-date';
import { deadlineStatus } from '../../deadlines/clock-state';
import { Clock } from '../../deadlines/clock.entity';
import { IncidentChild } from '../incident-child.entity';
import { LcsprRecord } from '../lcspr.entity';
import { RapidReviewRecord } from '../rapid-review.entity';
import { SeriousIncident } from '../serious-incident.entity';
import {
  FiguresPeriod,
  YearlyFigures,
  yearlyFigures,
  YearlyIncident,
  YearlyRecommendation,
} from './yearly-figures';

/**
 * The yearly report figures of a partnership, read as they stand at `now`: its incidents (those of the
 * partnership or of an area it covers) with their rapid reviews, LCSPRs and clocks, the recommendations
 * of its area made in the period, and the national reviews touching it.
 */
export async function partnershipYearlyFigures(
  m: EntityManager,
  partnership: { id: string; coversLocalAuthorityIds: string[] },
  period: FiguresPeriod,
  now: Date,
): Promise<YearlyFigures> {
  const area = [partnership.id, ...partnership.coversLocalAuthorityIds];
  // One after another: the manager may be a transaction, whose queries share one connection.
  const incidents = await incidentsOf(m, partnership.id, partnership.coversLocalAuthorityIds, now);
  const recommendations = await recommendationsOf(m, area, period);
  const nationalReviews: { decided_on: string }[] = await m.query(
    `SELECT r.decided_on::text AS decided_on FROM si_national_review r
      WHERE r.organisation_ids && $1::uuid[] AND r.decided_on BETWEEN $2 AND $3`,
    [area, period.from, period.to],
  );
  return yearlyFigures({
    period,
    asOf: londonDateOf(now),
    incidents,
    recommendations,
    nationalReviewsDecidedOn: nationalReviews.map((r) => r.decided_on),
  });
}

async function incidentsOf(
  m: EntityManager,
  partnershipId: string,
  areas: string[],
  now: Date,
): Promise<YearlyIncident[]> {
  const incidents = await m.getRepository(SeriousIncident).find({
    where: [
      { partnershipId },
      ...(areas.length ? [{ localAuthorityId: In(areas) }, { leadLocalAuthorityId: In(areas) }] : []),
    ],
  });
  const ids = incidents.map((i) => i.id);
  if (!ids.length) return [];
  // One after another: the manager may be a transaction, whose queries share one connection.
  const reviews = await m.getRepository(RapidReviewRecord).findBy({ incidentId: In(ids) });
  const lcsprs = await m.getRepository(LcsprRecord).findBy({ incidentId: In(ids) });
  const clocks = await m.getRepository(Clock).findBy({
    caseId: In(ids),
    ruleId: In(['SI-NOTIFY', 'SI-RAPID-REVIEW', 'SI-LCSPR-COMPLETE']),
  });
  const children = await m.getRepository(IncidentChild).findBy({ incidentId: In(ids) });
  const clockOf = (incidentId: string, ruleId: string) =>
    clocks.find((c) => c.caseId === incidentId && c.ruleId === ruleId);
  const statusOf = (clock: Clock | undefined) =>
    clock
      ? deadlineStatus(
          clock.status,
          { dueDate: clock.dueDate, ...(clock.dueAt ? { dueAt: clock.dueAt } : {}) },
          now,
        )
      : null;
  return incidents.map((incident) => {
    const review = reviews.find((r) => r.incidentId === incident.id);
    const reviewClock = clockOf(incident.id, 'SI-RAPID-REVIEW');
    const lcspr = lcsprs.find((l) => l.incidentId === incident.id);
    return {
      type: incident.type,
      submittedOn: incident.submittedOn,
      involvesLookedAfterChildOrCareLeaver: children.some(
        (c) => c.incidentId === incident.id && ['looked-after', 'care-leaver'].includes(c.legalStatus),
      ),
      notifyStatus: statusOf(clockOf(incident.id, 'SI-NOTIFY')),
      localLearningReviewDecidedOn: incident.localLearningReview?.decidedOn ?? null,
      rapidReview:
        reviewClock || review ? { status: statusOf(reviewClock), learning: review?.learning ?? null } : null,
      lcspr: lcspr
        ? {
            decision: lcspr.decision,
            decidedOn: lcspr.decidedOn,
            publishedOn: lcspr.publishedOn,
            dueDate: clockOf(incident.id, 'SI-LCSPR-COMPLETE')?.dueDate ?? null,
            delayReasonSentOn: lcspr.delayReasonSentOn,
          }
        : null,
    };
  });
}

async function recommendationsOf(
  m: EntityManager,
  area: string[],
  period: FiguresPeriod,
): Promise<YearlyRecommendation[]> {
  const rows: {
    id: string;
    made_on: string;
    themes: string[];
    due_date: string | null;
    completed_on: string | null;
    rag: 'red' | 'amber' | 'green' | null;
  }[] = await m.query(
    `SELECT r.id, r.made_on::text AS made_on, r.themes, a.due_date::text AS due_date,
            a.completed_on::text AS completed_on, a.rag
       FROM recommendation r LEFT JOIN recommendation_action a ON a.recommendation_id = r.id
      WHERE r.organisation_ids && $1::uuid[] AND r.made_on BETWEEN $2 AND $3`,
    [area, period.from, period.to],
  );
  const byId = new Map<
    string,
    YearlyRecommendation & { actions: YearlyRecommendation['actions'][number][] }
  >();
  for (const row of rows) {
    const recommendation = byId.get(row.id) ?? { madeOn: row.made_on, themes: row.themes, actions: [] };
    if (row.due_date && row.rag) {
      recommendation.actions.push({ dueDate: row.due_date, completedOn: row.completed_on, rag: row.rag });
    }
    byId.set(row.id, recommendation);
  }
  return [...byId.values()];
}
