import type { IsoDate } from '../../calendar/iso-date';
import { addCalendarMonths } from '../../calendar/working-days';
import { countTags, countThemes, ThemeCount } from '../../common/learning-themes';
import type { DeadlineStatus } from '../../deadlines/clock-state';

/**
 * The figures of a safeguarding partnership's yearly report (WT 112–115, 411), the one definition behind
 * both the yearly report API and the yearly report PDF: what was notified, how the rapid reviews and
 * LCSPRs went against their clocks, where the recommendations stand, and the themes. Timeliness is read
 * from the clocks, so a pause (a delay with reasons, WT 408) moves a due date and an unmet clock past
 * its due date is overdue, not open. Plain data in, counts out.
 */

export interface FiguresPeriod {
  from: IsoDate;
  to: IsoDate;
}

export interface YearlyIncident {
  type: string;
  /** When the notification went to the Panel; null while it is a draft. */
  submittedOn: IsoDate | null;
  involvesLookedAfterChildOrCareLeaver: boolean;
  /** The SI-NOTIFY clock's state. */
  notifyStatus: DeadlineStatus | null;
  localLearningReviewDecidedOn: IsoDate | null;
  rapidReview: {
    /** The SI-RAPID-REVIEW clock's state, once submission of the notification has started it. */
    status: DeadlineStatus | null;
    learning: string | null;
  } | null;
  lcspr: {
    decision: 'lcspr' | 'no-lcspr';
    decidedOn: IsoDate;
    publishedOn: IsoDate | null;
    /** The SI-LCSPR-COMPLETE clock's due date (pauses included), once it has started. */
    dueDate: IsoDate | null;
    delayReasonSentOn: IsoDate | null;
  } | null;
}

export interface YearlyRecommendation {
  madeOn: IsoDate;
  themes: readonly string[];
  actions: readonly { dueDate: IsoDate; completedOn: IsoDate | null; rag: 'red' | 'amber' | 'green' }[];
}

export interface YearlyFiguresInput {
  period: FiguresPeriod;
  /** The day the report is made: actions are overdue or not as of this day. */
  asOf: IsoDate;
  incidents: readonly YearlyIncident[];
  recommendations: readonly YearlyRecommendation[];
  nationalReviewsDecidedOn: readonly IsoDate[];
}

export const INCIDENT_TYPE_KEYS = ['death', 'serious-harm', 'other'] as const;
export const CLOCK_OUTCOMES = ['met', 'met-late', 'overdue', 'open'] as const;
export const RECOMMENDATION_STATES = ['completed', 'on-track', 'overdue', 'no-actions'] as const;
export const ACTION_STATES = ['completed', 'overdue', 'green', 'amber', 'red'] as const;

type Counts<K extends string> = Record<K, number>;

export interface YearlyFigures {
  notifications: {
    total: number;
    byType: Counts<(typeof INCIDENT_TYPE_KEYS)[number]>;
    involvingLookedAfterChildrenOrCareLeavers: number;
    timeliness: { onTime: number; late: number };
  };
  /** The rapid reviews of the year's notifications (their clock starts at submission). */
  rapidReviews: { total: number; byOutcome: Counts<(typeof CLOCK_OUTCOMES)[number]> };
  lcsprs: {
    started: number;
    decidedNotToHold: number;
    published: number;
    publishedOnTime: number;
    publishedLate: number;
    /** Started by the end of the year and not published by then. */
    inProgress: number;
    delaysExplained: number;
  };
  localLearningReviews: number;
  nationalReviews: number;
  /** Those made in the year, by status on the report day. */
  recommendations: { total: number; byStatus: Counts<(typeof RECOMMENDATION_STATES)[number]> };
  actions: { total: number; byStatus: Counts<(typeof ACTION_STATES)[number]> };
  learningThemes: ThemeCount[];
  recommendationThemes: { label: string; count: number }[];
}

function inPeriod(date: IsoDate | null | undefined, period: FiguresPeriod): boolean {
  return !!date && date >= period.from && date <= period.to;
}

/** Counts of items under every key (zeros included, so tables line up); other keys are not counted. */
function countBy<K extends string, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => string) {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
  for (const item of items) {
    const key = keyOf(item) as K;
    if (key in counts) counts[key] += 1;
  }
  return counts;
}

/** A clock still running before its due date, or paused, is open; past it, overdue. */
function clockOutcome(status: DeadlineStatus): string {
  return status === 'pending' || status === 'paused' ? 'open' : status;
}

type Action = YearlyRecommendation['actions'][number];

function actionState(action: Action, asOf: IsoDate): string {
  if (action.completedOn) return 'completed';
  return action.dueDate < asOf ? 'overdue' : action.rag;
}

function recommendationState(recommendation: YearlyRecommendation, asOf: IsoDate): string {
  const states = recommendation.actions.map((a) => actionState(a, asOf));
  if (states.length === 0) return 'no-actions';
  if (states.every((s) => s === 'completed')) return 'completed';
  return states.includes('overdue') ? 'overdue' : 'on-track';
}

type Lcspr = NonNullable<YearlyIncident['lcspr']>;

/**
 * Published late when after its SI-LCSPR-COMPLETE due date, which pauses move on. An LCSPR recorded
 * before the clocks were kept has no clock: six calendar months from the decision (WT 408).
 */
function publishedLate(lcspr: Lcspr): boolean {
  const due = lcspr.dueDate ?? addCalendarMonths(lcspr.decidedOn, 6);
  return lcspr.publishedOn! > due;
}

export function yearlyFigures(input: YearlyFiguresInput): YearlyFigures {
  const { period, asOf } = input;
  const notified = input.incidents.filter((i) => inPeriod(i.submittedOn, period));
  const reviewsDue = notified.flatMap((i) =>
    i.rapidReview?.status && i.rapidReview.status !== 'not-applicable' ? [i.rapidReview.status] : [],
  );
  const lcsprs = input.incidents.flatMap((i) => (i.lcspr ? [i.lcspr] : []));
  const initiated = lcsprs.filter((l) => l.decision === 'lcspr');
  const published = initiated.filter((l) => inPeriod(l.publishedOn, period));
  const late = published.filter(publishedLate).length;
  const recommendations = input.recommendations.filter((r) => inPeriod(r.madeOn, period));
  const actions = recommendations.flatMap((r) => r.actions);
  const notifyStatuses = notified.map((i) => i.notifyStatus);
  return {
    notifications: {
      total: notified.length,
      byType: countBy(INCIDENT_TYPE_KEYS, notified, (i) => i.type),
      involvingLookedAfterChildrenOrCareLeavers: notified.filter(
        (i) => i.involvesLookedAfterChildOrCareLeaver,
      ).length,
      timeliness: {
        onTime: notifyStatuses.filter((s) => s === 'met').length,
        late: notifyStatuses.filter((s) => s === 'met-late').length,
      },
    },
    rapidReviews: { total: reviewsDue.length, byOutcome: countBy(CLOCK_OUTCOMES, reviewsDue, clockOutcome) },
    lcsprs: {
      started: initiated.filter((l) => inPeriod(l.decidedOn, period)).length,
      decidedNotToHold: lcsprs.filter((l) => l.decision === 'no-lcspr' && inPeriod(l.decidedOn, period))
        .length,
      published: published.length,
      publishedOnTime: published.length - late,
      publishedLate: late,
      inProgress: initiated.filter(
        (l) => l.decidedOn <= period.to && !(l.publishedOn && l.publishedOn <= period.to),
      ).length,
      delaysExplained: initiated.filter((l) => inPeriod(l.delayReasonSentOn, period)).length,
    },
    localLearningReviews: input.incidents.filter((i) => inPeriod(i.localLearningReviewDecidedOn, period))
      .length,
    nationalReviews: input.nationalReviewsDecidedOn.filter((d) => inPeriod(d, period)).length,
    recommendations: {
      total: recommendations.length,
      byStatus: countBy(RECOMMENDATION_STATES, recommendations, (r) => recommendationState(r, asOf)),
    },
    actions: {
      total: actions.length,
      byStatus: countBy(ACTION_STATES, actions, (a) => actionState(a, asOf)),
    },
    learningThemes: countThemes(
      notified.flatMap((i) => (i.rapidReview?.learning ? [[i.rapidReview.learning]] : [])),
    ),
    recommendationThemes: countTags(recommendations.map((r) => r.themes)),
  };
}
