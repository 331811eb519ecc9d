import { Brackets, EntityManager, In } from 'typeorm';
import { IsoDate, londonDateOf } from '../../calendar/iso-date';
import { AnalysisForm } from '../../child-deaths/entities/analysis-form.entity';
import { ChildDeathCase } from '../../child-deaths/entities/child-death-case.entity';
import { ChildDeathNotification } from '../../child-deaths/entities/notification.entity';
import { TrackedAction } from '../../child-deaths/entities/tracked-action.entity';
import { reconciledView } from '../../child-deaths/reconciled-view';
import type { AnnualDeath, CdopAnnualInput } from '../statistics/cdop-annual';
import { inPeriod, ReportingYear } from '../statistics/reporting-year';

/**
 * What the CDOP annual report counts, read straight from the child death tables: the child deaths
 * module offers one case at a time, and an annual report needs a year of them at once.
 */

interface Answers {
  child?: { sex?: unknown; ethnicity?: unknown };
  placeOfDeath?: unknown;
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export async function cdopAnnualInput(
  m: EntityManager,
  cdopId: string,
  year: ReportingYear,
  asOf: IsoDate,
): Promise<CdopAnnualInput> {
  const cases = await m
    .getRepository(ChildDeathCase)
    .createQueryBuilder('c')
    .where('c.owningCdopId = :cdopId AND c.mergedIntoCaseId IS NULL', { cdopId })
    .andWhere(
      new Brackets((w) =>
        w
          .where(`(c.firstNotifiedAt AT TIME ZONE 'Europe/London')::date BETWEEN :from AND :to`)
          .orWhere('c.cdopReviewedOn BETWEEN :from AND :to'),
      ),
      { from: year.from, to: year.to },
    )
    .getMany();
  const ids = cases.map((c) => c.id);
  if (!ids.length) return { year, asOf, deaths: [], actions: [] };
  // One after another: the manager may be a transaction, whose queries share one connection.
  const notifications = await m
    .getRepository(ChildDeathNotification)
    .find({ where: { caseId: In(ids) }, order: { notifiedAt: 'ASC' } });
  const forms = await m.getRepository(AnalysisForm).find({ where: { caseId: In(ids), status: 'final' } });
  const actions = await m.getRepository(TrackedAction).find({ where: { caseId: In(ids) } });
  const reviewedInYear = new Set<string>();
  const deaths = cases.map((c): AnnualDeath => {
    const answers = reconciledView(notifications.filter((n) => n.caseId === c.id)).answers as Answers;
    const form = forms.find((f) => f.caseId === c.id);
    const reviewedOn = form ? (form.reviewedOn ?? c.cdopReviewedOn) : null;
    if (inPeriod(reviewedOn, year)) reviewedInYear.add(c.id);
    return {
      dateOfBirth: c.dateOfBirth,
      dateOfDeath: c.dateOfDeath,
      notifiedOn: londonDateOf(c.firstNotifiedAt),
      sex: stringOrNull(answers.child?.sex),
      ethnicity: stringOrNull(answers.child?.ethnicity),
      placeOfDeath: stringOrNull(answers.placeOfDeath),
      expected: c.expected,
      jarRequired: c.jarDecision ? c.jarDecision.required : c.jarEvaluation.required,
      review:
        form && reviewedOn
          ? {
              reviewedOn,
              primaryCategory: form.answers.primaryCategory ?? null,
              modifiableFactors: form.answers.modifiableFactors ?? null,
              learningPoints: form.answers.learningPoints ?? [],
            }
          : null,
    };
  });
  return {
    year,
    asOf,
    deaths,
    actions: actions
      .filter((a) => reviewedInYear.has(a.caseId))
      .map((a) => ({ status: a.status, dueDate: a.dueDate })),
  };
}
