import { partnershipYearlyStatistics, YearlyIncident } from './partnership-yearly';
import { reportingYear } from './reporting-year';

const rows = (breakdown: { rows: { key: string; count: number }[] }) =>
  Object.fromEntries(breakdown.rows.map((r) => [r.key, r.count]));

function incident(overrides: Partial<YearlyIncident> = {}): YearlyIncident {
  return { type: 'death', submittedOn: '2025-06-01', rapidReview: null, lcspr: null, ...overrides };
}

describe('safeguarding partnership yearly report figures', () => {
  const stats = partnershipYearlyStatistics({
    year: reportingYear(2025),
    asOf: '2026-04-20',
    incidents: [
      incident({
        rapidReview: {
          status: 'met',
          learning: 'Neglect of basic care; information sharing with the GP',
        },
        lcspr: {
          decision: 'lcspr',
          decidedOn: '2025-07-01',
          publishedOn: '2025-12-15',
          dueDate: '2026-01-01',
        },
      }),
      incident({
        type: 'serious-harm',
        submittedOn: '2025-09-01',
        rapidReview: { status: 'met-late', learning: 'Neglect' },
        // Decided the year before; published late in this year (no clock: six months from the decision).
        lcspr: { decision: 'lcspr', decidedOn: '2024-10-01', publishedOn: '2025-05-01', dueDate: null },
      }),
      incident({
        type: 'other',
        submittedOn: '2026-03-20',
        rapidReview: { status: 'overdue', learning: null },
        lcspr: { decision: 'no-lcspr', decidedOn: '2026-03-30', publishedOn: null, dueDate: null },
      }),
      incident({ submittedOn: null }),
      incident({
        submittedOn: '2025-03-31',
        rapidReview: { status: 'overdue', learning: null },
      }),
    ],
    recommendations: [
      {
        madeOn: '2025-12-15',
        themes: ['Neglect', 'Housing'],
        actions: [{ dueDate: '2026-01-10', completedOn: '2026-01-05', rag: 'green' }],
      },
      {
        madeOn: '2025-12-15',
        themes: ['Neglect'],
        actions: [
          { dueDate: '2026-03-01', completedOn: null, rag: 'green' },
          { dueDate: '2026-09-01', completedOn: null, rag: 'amber' },
        ],
      },
      {
        madeOn: '2026-01-15',
        themes: [],
        actions: [{ dueDate: '2026-09-01', completedOn: null, rag: 'red' }],
      },
      { madeOn: '2026-02-01', themes: [], actions: [] },
      { madeOn: '2025-03-01', themes: ['Old'], actions: [] },
    ],
  });

  it('counts notifications sent to the Panel in the year by type', () => {
    expect(rows(stats.notificationsByType)).toEqual({ death: 1, 'serious-harm': 1, other: 1 });
    expect(stats.notificationsByType.total).toBe(3);
  });

  it('counts the rapid reviews of the year’s notifications by whether they went on time', () => {
    expect(rows(stats.rapidReviews)).toEqual({ met: 1, 'met-late': 1, overdue: 1, open: 0 });
  });

  it('counts LCSPRs started, published, and published after their six months', () => {
    expect(stats.lcsprs).toEqual({ started: 1, published: 2, publishedLate: 1, publishedOnTime: 1 });
  });

  it('gives recommendations and their actions by status on the report date', () => {
    expect(rows(stats.recommendationsByStatus)).toEqual({
      completed: 1,
      'on-track': 1,
      overdue: 1,
      'no-actions': 1,
    });
    expect(rows(stats.actionsByStatus)).toEqual({ completed: 1, overdue: 1, green: 0, amber: 1, red: 1 });
  });

  it('gives the themes of rapid review learning and of recommendations', () => {
    expect(stats.learningThemes.map((t) => [t.id, t.cases])).toEqual([
      ['neglect', 2],
      ['information-sharing', 1],
    ]);
    expect(stats.recommendationThemes).toEqual([
      { label: 'Neglect', count: 2 },
      { label: 'Housing', count: 1 },
    ]);
  });
});
