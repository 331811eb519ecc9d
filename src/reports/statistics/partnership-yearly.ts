import type { YearlyFigures } from '../../serious-incidents/yearly-report/yearly-figures';
import type { ThemeCount } from '../../common/learning-themes';
import { Breakdown, Category } from './breakdown';
import type { ReportingYear } from './reporting-year';

/**
 * The safeguarding partnership yearly report data pack's tables: the yearly report figures (worked out
 * once, in the serious incidents module, for the API and this report alike) under their printed labels.
 */

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

function labelled(
  id: string,
  title: string,
  categories: readonly Category[],
  counts: Readonly<Record<string, number>>,
  total: number,
): Breakdown {
  return { id, title, rows: categories.map((c) => ({ ...c, count: counts[c.key] ?? 0 })), total };
}

export function partnershipYearlyStatistics(
  year: ReportingYear,
  figures: YearlyFigures,
): PartnershipYearlyStatistics {
  const { notifications, rapidReviews, lcsprs, recommendations, actions } = figures;
  return {
    year,
    notificationsByType: labelled(
      'notifications-type',
      'Notifications by type',
      INCIDENT_TYPES,
      notifications.byType,
      notifications.total,
    ),
    rapidReviews: labelled(
      'rapid-reviews',
      'Rapid reviews due in the year',
      RAPID_REVIEW_OUTCOMES,
      rapidReviews.byOutcome,
      rapidReviews.total,
    ),
    lcsprs: {
      started: lcsprs.started,
      published: lcsprs.published,
      publishedLate: lcsprs.publishedLate,
      publishedOnTime: lcsprs.publishedOnTime,
    },
    recommendationsByStatus: labelled(
      'recommendations-status',
      'Recommendations made in the year, by status',
      RECOMMENDATION_STATES,
      recommendations.byStatus,
      recommendations.total,
    ),
    actionsByStatus: labelled(
      'actions-status',
      'Their actions, by status',
      ACTION_STATES,
      actions.byStatus,
      actions.total,
    ),
    learningThemes: figures.learningThemes,
    recommendationThemes: figures.recommendationThemes,
  };
}
