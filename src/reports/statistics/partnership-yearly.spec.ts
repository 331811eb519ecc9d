import { yearlyFigures } from '../../serious-incidents/yearly-report/yearly-figures';
import { partnershipYearlyStatistics } from './partnership-yearly';
import { reportingYear } from './reporting-year';

describe('partnership yearly report tables', () => {
  const year = reportingYear(2025);
  const stats = partnershipYearlyStatistics(
    year,
    yearlyFigures({
      period: year,
      asOf: '2026-04-20',
      nationalReviewsDecidedOn: [],
      recommendations: [],
      incidents: [
        {
          type: 'serious-harm',
          submittedOn: '2026-03-20',
          involvesLookedAfterChildOrCareLeaver: false,
          notifyStatus: 'met',
          localLearningReviewDecidedOn: null,
          rapidReview: { status: 'overdue', learning: null },
          lcspr: null,
        },
      ],
    }),
  );

  it('prints the yearly figures under their labels, every category listed', () => {
    expect(stats.rapidReviews.rows.map((r) => [r.label, r.count])).toEqual([
      ['Sent on time', 0],
      ['Sent late', 0],
      ['Not sent, overdue', 1],
      ['Not yet due, or paused', 0],
    ]);
    expect(stats.notificationsByType).toMatchObject({ id: 'notifications-type', total: 1 });
    expect(stats.notificationsByType.rows.find((r) => r.key === 'serious-harm')?.count).toBe(1);
  });
});
