import { EntityManager, In } from 'typeorm';
import { deadlineStatus } from '../../deadlines/clock-state';
import { Clock } from '../../deadlines/clock.entity';
import { LcsprRecord } from '../../serious-incidents/lcspr.entity';
import { RapidReviewRecord } from '../../serious-incidents/rapid-review.entity';
import { SeriousIncident } from '../../serious-incidents/serious-incident.entity';
import type { PartnershipYearlyInput } from '../statistics/partnership-yearly';

/**
 * The serious incidents the partnership yearly report counts, with their rapid review, LCSPR and clocks,
 * read straight from the serious incident and clock tables: no service offers a year of them at once.
 */

export async function partnershipIncidents(
  m: EntityManager,
  partnershipId: string,
  coversLocalAuthorityIds: string[],
  now: Date,
): Promise<PartnershipYearlyInput['incidents']> {
  const incidents = await m.getRepository(SeriousIncident).find({
    where: [
      { partnershipId },
      ...(coversLocalAuthorityIds.length ? [{ localAuthorityId: In(coversLocalAuthorityIds) }] : []),
    ],
  });
  const ids = incidents.map((i) => i.id);
  const [reviews, lcsprs, clocks] = ids.length
    ? await Promise.all([
        m.getRepository(RapidReviewRecord).findBy({ incidentId: In(ids) }),
        m.getRepository(LcsprRecord).findBy({ incidentId: In(ids) }),
        m
          .getRepository(Clock)
          .findBy({ caseId: In(ids), ruleId: In(['SI-RAPID-REVIEW', 'SI-LCSPR-COMPLETE']) }),
      ])
    : [[], [], []];
  const clockOf = (incidentId: string, ruleId: string) =>
    clocks.find((c) => c.caseId === incidentId && c.ruleId === ruleId);
  return incidents.map((incident) => {
    const review = reviews.find((r) => r.incidentId === incident.id);
    const reviewClock = clockOf(incident.id, 'SI-RAPID-REVIEW');
    const lcspr = lcsprs.find((l) => l.incidentId === incident.id);
    return {
      type: incident.type,
      submittedOn: incident.submittedOn,
      rapidReview:
        reviewClock || review
          ? {
              status: reviewClock
                ? deadlineStatus(
                    reviewClock.status,
                    {
                      dueDate: reviewClock.dueDate,
                      ...(reviewClock.dueAt ? { dueAt: reviewClock.dueAt } : {}),
                    },
                    now,
                  )
                : null,
              learning: review?.learning ?? null,
            }
          : null,
      lcspr: lcspr
        ? {
            decision: lcspr.decision,
            decidedOn: lcspr.decidedOn,
            publishedOn: lcspr.publishedOn,
            dueDate: clockOf(incident.id, 'SI-LCSPR-COMPLETE')?.dueDate ?? null,
          }
        : null,
    };
  });
}
