import { YearlyIncident, yearlyFigures } from './yearly-figures';

type Lcspr = NonNullable<YearlyIncident['lcspr']>;

function incident(overrides: Partial<YearlyIncident> = {}): YearlyIncident {
  return {
    type: 'death',
    submittedOn: '2025-06-01',
    involvesLookedAfterChildOrCareLeaver: false,
    notifyStatus: 'met',
    localLearningReviewDecidedOn: null,
    rapidReview: null,
    lcspr: null,
    ...overrides,
  };
}

function lcspr(overrides: Partial<Lcspr>): Lcspr {
  return {
    decision: 'lcspr',
    decidedOn: '2025-07-01',
    publishedOn: null,
    dueDate: null,
    delayReasonSentOn: null,
    ...overrides,
  };
}

describe('safeguarding partnership yearly report figures', () => {
  const stats = yearlyFigures({
    period: { from: '2025-04-01', to: '2026-03-31' },
    asOf: '2026-04-20',
    nationalReviewsDecidedOn: ['2025-05-01', '2026-04-01'],
    incidents: [
      incident({
        rapidReview: {
          status: 'met',
          learning: 'Neglect of basic care; information sharing with the GP',
        },
        lcspr: lcspr({ decidedOn: '2025-07-01', publishedOn: '2025-12-15', dueDate: '2026-01-01' }),
      }),
      incident({
        type: 'serious-harm',
        submittedOn: '2025-09-01',
        notifyStatus: 'met-late',
        involvesLookedAfterChildOrCareLeaver: true,
        rapidReview: { status: 'met-late', learning: 'Neglect' },
        // Decided the year before; published late in this year (no clock: six months from the decision).
        lcspr: lcspr({ decidedOn: '2024-10-01', publishedOn: '2025-05-01' }),
      }),
      incident({
        type: 'other',
        submittedOn: '2026-03-20',
        // Not sent and past its due date on the report day: overdue, not open.
        rapidReview: { status: 'overdue', learning: null },
        lcspr: lcspr({ decision: 'no-lcspr', decidedOn: '2026-03-30' }),
      }),
      incident({
        submittedOn: '2025-04-10',
        rapidReview: { status: 'paused', learning: null },
        // Paused for two months while the trial ran: due 1 February 2026, not six months from the
        // decision (1 December 2025), so publication on 20 January 2026 is on time.
        lcspr: lcspr({
          decidedOn: '2025-06-01',
          publishedOn: '2026-01-20',
          dueDate: '2026-02-01',
          delayReasonSentOn: '2025-11-20',
        }),
      }),
      incident({
        submittedOn: null,
        localLearningReviewDecidedOn: '2025-08-01',
        lcspr: lcspr({ decidedOn: '2026-02-01', dueDate: '2026-08-01' }),
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
    expect(stats.notifications).toEqual({
      total: 4,
      byType: { death: 2, 'serious-harm': 1, other: 1 },
      involvingLookedAfterChildrenOrCareLeavers: 1,
      timeliness: { onTime: 3, late: 1 },
    });
  });

  it('counts the rapid reviews of the year’s notifications by whether they went on time', () => {
    expect(stats.rapidReviews).toEqual({
      total: 4,
      byOutcome: { met: 1, 'met-late': 1, overdue: 1, open: 1 },
    });
  });

  it('counts LCSPRs published after their clock’s due date as late, pauses included', () => {
    expect(stats.lcsprs).toEqual({
      started: 3,
      decidedNotToHold: 1,
      published: 3,
      publishedOnTime: 2,
      publishedLate: 1,
      inProgress: 1,
      delaysExplained: 1,
    });
  });

  it('counts local learning reviews and national reviews decided in the year', () => {
    expect(stats.localLearningReviews).toBe(1);
    expect(stats.nationalReviews).toBe(1);
  });

  it('gives recommendations and their actions by status on the report date', () => {
    expect(stats.recommendations).toEqual({
      total: 4,
      byStatus: { completed: 1, 'on-track': 1, overdue: 1, 'no-actions': 1 },
    });
    expect(stats.actions).toEqual({
      total: 4,
      byStatus: { completed: 1, overdue: 1, green: 0, amber: 1, red: 1 },
    });
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
