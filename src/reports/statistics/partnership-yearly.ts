import type { IsoDate } from '../../calendar/iso-date';
import { addCalendarMonths } from '../../calendar/working-days';
import type { DeadlineStatus } from '../../deadlines/clock-state';
import { Breakdown, breakdown, Category } from './breakdown';
import { inPeriod, ReportingYear } from './reporting-year';
import { countTags, countThemes, ThemeCount } from './themes';

/**
 * The data pack behind a safeguarding partnership's yearly report (WT 112–115, 411): what was notified,
 * how the rapid reviews and LCSPRs went against their windows, where the recommendations stand, and
 * the themes. Plain data in, counts out.
 */

export interface YearlyIncident {
  type: string;
  /** When the notification went to the Panel; null while it is a draft. */
  submittedOn: IsoDate | null;
  rapidReview: {
    /** The SI-RAPID-REVIEW clock's state, once submission of the notification has started it. */
    status: DeadlineStatus | null;
    learning: string | null;
  } | null;
  lcspr: {
    decision: 'lcspr' | 'no-lcspr';
    decidedOn: IsoDate;
    publishedOn: IsoDate | null;
    /** The SI-LCSPR-COMPLETE clock's due date (pauses included), when it has started. */
    dueDate: IsoDate | null;
  } | null;
}

export interface YearlyRecommendation {
  madeOn: IsoDate;
  themes: readonly string[];
  actions: readonly { dueDate: IsoDate; completedOn: IsoDate | null; rag: 'red' | 'amber' | 'green' }[];
}

export interface PartnershipYearlyInput {
  year: ReportingYear;
  asOf: IsoDate;
  incidents: readonly YearlyIncident[];
  recommendations: readonly YearlyRecommendation[];
}

export interface PartnershipYearlyStatistics {
  year: ReportingYear;
  notificationsByType: Breakdown;
  rapidReviews: Breakdown;
  lcsprs: { started: number; published: number; publishedLate: number; publishedOnTime: number };
  recommendationsByStatus: Breakdown;
  actionsByStatus: Breakdown;
  learningThemes: ThemeCount[];
  recommendationThemes: { label: string; count: number }[];
}

const INCIDENT_TYPES: readonly Category[] = [
  { key: 'death', label: 'Death' },
  { key: 'serious-harm', label: 'Serious harm' },
  { key: 'other', label: 'Other' },
];

const RAPID_REVIEW_OUTCOMES: readonly Category[] = [
  { key: 'met', label: 'Sent on time' },
  { key: 'met-late', label: 'Sent late' },
  { key: 'overdue', label: 'Not sent, overdue' },
  { key: 'open', label: 'Not yet due, or paused' },
];

const RECOMMENDATION_STATES: readonly Category[] = [
  { key: 'completed', label: 'All actions completed' },
  { key: 'on-track', label: 'In progress' },
  { key: 'overdue', label: 'One or more actions overdue' },
  { key: 'no-actions', label: 'No actions agreed yet' },
];

const ACTION_STATES: readonly Category[] = [
  { key: 'completed', label: 'Completed' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'green', label: 'Open: on track (green)' },
  { key: 'amber', label: 'Open: at risk (amber)' },
  { key: 'red', label: 'Open: off track (red)' },
];

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

/** An LCSPR is due for publication six months after the decision to initiate it (WT 408), unless paused. */
function publicationDue(lcspr: NonNullable<YearlyIncident['lcspr']>): IsoDate {
  return lcspr.dueDate ?? addCalendarMonths(lcspr.decidedOn, 6);
}

export function partnershipYearlyStatistics(input: PartnershipYearlyInput): PartnershipYearlyStatistics {
  const { year, asOf } = input;
  const notified = input.incidents.filter((i) => inPeriod(i.submittedOn, year));
  // The rapid review clock starts when the notification is submitted: the year's notifications' reviews.
  const reviewsDue = notified.flatMap((i) => (i.rapidReview?.status ? [i.rapidReview] : []));
  const lcsprs = input.incidents.flatMap((i) => (i.lcspr?.decision === 'lcspr' ? [i.lcspr] : []));
  const published = lcsprs.filter((l) => inPeriod(l.publishedOn, year));
  const publishedLate = published.filter((l) => l.publishedOn! > publicationDue(l)).length;
  const recommendations = input.recommendations.filter((r) => inPeriod(r.madeOn, year));
  return {
    year,
    notificationsByType: breakdown(
      'notifications-type',
      'Notifications by type',
      INCIDENT_TYPES,
      notified,
      (i) => i.type,
    ),
    rapidReviews: breakdown(
      'rapid-reviews',
      'Rapid reviews due in the year',
      RAPID_REVIEW_OUTCOMES,
      reviewsDue,
      (r) => (r.status === 'pending' || r.status === 'paused' ? 'open' : r.status),
    ),
    lcsprs: {
      started: lcsprs.filter((l) => inPeriod(l.decidedOn, year)).length,
      published: published.length,
      publishedLate,
      publishedOnTime: published.length - publishedLate,
    },
    recommendationsByStatus: breakdown(
      'recommendations-status',
      'Recommendations made in the year, by status',
      RECOMMENDATION_STATES,
      recommendations,
      (r) => recommendationState(r, asOf),
    ),
    actionsByStatus: breakdown(
      'actions-status',
      'Their actions, by status',
      ACTION_STATES,
      recommendations.flatMap((r) => r.actions),
      (a) => actionState(a, asOf),
    ),
    learningThemes: countThemes(
      notified.flatMap((i) => (i.rapidReview?.learning ? [[i.rapidReview.learning]] : [])),
    ),
    recommendationThemes: countTags(recommendations.map((r) => r.themes)),
  };
}
