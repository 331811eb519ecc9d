import { EntityManager, In } from 'typeorm';
import type { IsoDate } from '../../calendar/iso-date';
import { ClockHistory } from '../../deadlines/clock-history.entity';
import { Clock } from '../../deadlines/clock.entity';
import { toDeadlineView } from '../../deadlines/deadline-view';
import type { ComplianceClock } from '../statistics/deadline-compliance';

/**
 * Every clock of an organisation's cases due in a period, with its pauses and any due date the
 * calendar moved, read from the clock tables: the deadlines module lists clocks per case, not per period.
 */

const CALENDAR_CHANGES = ['bank-holiday-added', 'bank-holiday-moved'] as const;

export async function clocksDueIn(
  m: EntityManager,
  organisationId: string,
  period: { from: IsoDate; to: IsoDate },
  now: Date,
): Promise<ComplianceClock[]> {
  const clocks = await m
    .getRepository(Clock)
    .createQueryBuilder('c')
    .where(':org = ANY(c.organisationIds)', { org: organisationId })
    .andWhere('c.dueDate BETWEEN :from AND :to', period)
    .getMany();
  const history = clocks.length
    ? await m.getRepository(ClockHistory).find({
        where: { clockId: In(clocks.map((c) => c.id)), change: In([...CALENDAR_CHANGES]) },
        order: { id: 'ASC' },
      })
    : [];
  return clocks.map((clock) => {
    const view = toDeadlineView(clock, now);
    return {
      caseReference: clock.caseReference,
      rule: clock.ruleId,
      title: view.title,
      ...(clock.subject ? { subject: clock.subject } : {}),
      basisDate: clock.basisDate,
      dueDate: clock.dueDate,
      ...(clock.dueAt ? { dueAt: clock.dueAt } : {}),
      status: view.status,
      ...(clock.completedAt ? { completedAt: clock.completedAt } : {}),
      pauses: [
        ...clock.pauses.map((p) => ({
          from: new Date(p.from),
          to: new Date(p.to),
          reason: p.reason,
          text: p.text,
        })),
        ...(clock.pausedSince
          ? [
              {
                from: clock.pausedSince,
                to: null,
                reason: clock.pauseReason ?? 'other',
                text: clock.pauseText ?? undefined,
              },
            ]
          : []),
      ],
      recomputations: history
        .filter((h) => h.clockId === clock.id)
        .map((h) => ({
          at: h.at,
          dueDateBefore: h.dueDateBefore,
          dueDateAfter: h.dueDateAfter,
          holiday:
            typeof h.details.date === 'string' && typeof h.details.name === 'string'
              ? { date: h.details.date, name: h.details.name }
              : null,
        })),
    };
  });
}
