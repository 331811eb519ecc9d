import { daysBetween, IsoDate } from '../../calendar/iso-date';
import { PLACE_OF_DEATH_LABELS, PLACES_OF_DEATH } from '../../child-deaths/forms/notification-options';
import { ageInYears } from '../../child-deaths/rules/age';
import { DEATH_CATEGORIES } from '../../child-deaths/rules/death-categories';
import { Breakdown, breakdown, Category, median, NOT_RECORDED } from './breakdown';
import { inPeriod, ReportingYear } from './reporting-year';
import { countThemes, ThemeCount } from '../../common/learning-themes';

/**
 * The figures of a CDOP's annual report (WT 456): deaths notified in the reporting year and deaths
 * whose review the CDOP completed in it, with what the reviews found. Plain data in, counts out.
 */

export interface AnnualDeath {
  dateOfBirth: IsoDate;
  dateOfDeath: IsoDate;
  /** The London date the death was first notified. */
  notifiedOn: IsoDate;
  sex: string | null;
  /** NHS ethnic category code (A–Z). */
  ethnicity: string | null;
  placeOfDeath: string | null;
  expected: boolean;
  jarRequired: boolean;
  /** The CDOP's agreed analysis, once finalised. */
  review: {
    reviewedOn: IsoDate;
    primaryCategory: number | null;
    modifiableFactors: string | null;
    learningPoints: string[];
  } | null;
}

export type ActionProgress = 'open' | 'in-progress' | 'completed' | 'cancelled';

export interface AnnualAction {
  status: ActionProgress;
  dueDate: IsoDate;
}

export interface CdopAnnualInput {
  year: ReportingYear;
  /** The day the report is produced: an unfinished action due before it is overdue. */
  asOf: IsoDate;
  deaths: readonly AnnualDeath[];
  /** Actions from the reviews completed in the year. */
  actions: readonly AnnualAction[];
}

export interface ModifiableByCategory {
  category: Category;
  reviewed: number;
  withModifiable: number;
}

export interface CdopAnnualStatistics {
  year: ReportingYear;
  notified: { total: number; breakdowns: Breakdown[]; jar: number };
  reviewed: {
    total: number;
    breakdowns: Breakdown[];
    withModifiable: number;
    modifiableByCategory: ModifiableByCategory[];
    medianDaysDeathToReview: number | null;
    themes: ThemeCount[];
  };
  actions: Breakdown;
}

export const AGE_BANDS: readonly Category[] = [
  { key: 'under-28-days', label: 'Under 28 days' },
  { key: '28-days-to-1-year', label: '28 days to under 1 year' },
  { key: '1-4', label: '1 to 4 years' },
  { key: '5-9', label: '5 to 9 years' },
  { key: '10-14', label: '10 to 14 years' },
  { key: '15-17', label: '15 to 17 years' },
];

/** The NCMD's age bands: neonatal, post-neonatal infant, then childhood in five-year steps. */
export function ageBand(dateOfBirth: IsoDate, dateOfDeath: IsoDate): string | null {
  if (dateOfDeath < dateOfBirth) return null;
  if (daysBetween(dateOfBirth, dateOfDeath) < 28) return 'under-28-days';
  const years = ageInYears(dateOfBirth, dateOfDeath);
  if (years < 1) return '28-days-to-1-year';
  if (years <= 4) return '1-4';
  if (years <= 9) return '5-9';
  if (years <= 14) return '10-14';
  return years <= 17 ? '15-17' : null;
}

const SEX_CATEGORIES: readonly Category[] = [
  { key: 'male', label: 'Male' },
  { key: 'female', label: 'Female' },
  { key: 'indeterminate', label: 'Indeterminate' },
  { key: 'not-known', label: 'Not known' },
];

/** The NHS ethnic categories in their five broad groups: finer groups would mostly be small numbers. */
const ETHNIC_GROUPS: readonly (Category & { codes: string })[] = [
  { key: 'white', label: 'White', codes: 'ABC' },
  { key: 'mixed', label: 'Mixed or multiple ethnic groups', codes: 'DEFG' },
  { key: 'asian', label: 'Asian or Asian British', codes: 'HJKL' },
  { key: 'black', label: 'Black or Black British', codes: 'MNP' },
  { key: 'other', label: 'Other ethnic group', codes: 'RS' },
  { key: 'not-stated', label: 'Not stated', codes: 'Z' },
];

export function ethnicGroup(code: string | null): string | null {
  return ETHNIC_GROUPS.find((group) => code && code.length === 1 && group.codes.includes(code))?.key ?? null;
}

const PLACE_CATEGORIES: readonly Category[] = PLACES_OF_DEATH.map((key) => ({
  key,
  label: PLACE_OF_DEATH_LABELS[key],
}));

const EXPECTED_CATEGORIES: readonly Category[] = [
  { key: 'expected', label: 'Expected' },
  { key: 'unexpected', label: 'Unexpected' },
];

export const CATEGORY_OF_DEATH: readonly Category[] = DEATH_CATEGORIES.map((c) => ({
  key: String(c.number),
  label: `${c.number}. ${c.label}`,
}));

const ACTION_STATES: readonly Category[] = [
  { key: 'completed', label: 'Completed' },
  { key: 'not-yet-due', label: 'Open, not yet due' },
  { key: 'overdue', label: 'Open and overdue' },
  { key: 'cancelled', label: 'Cancelled' },
];

function actionState(action: AnnualAction, asOf: IsoDate): string {
  if (action.status === 'completed' || action.status === 'cancelled') return action.status;
  return action.dueDate < asOf ? 'overdue' : 'not-yet-due';
}

/** The primary category's row: its number, or "Not recorded". */
function categoryKey(d: AnnualDeath): string {
  const key = String(d.review?.primaryCategory ?? '');
  return CATEGORY_OF_DEATH.some((c) => c.key === key) ? key : NOT_RECORDED.key;
}

function describe(prefix: string, deaths: readonly AnnualDeath[], withCategory: boolean): Breakdown[] {
  const by = (
    id: string,
    title: string,
    categories: readonly Category[],
    key: (d: AnnualDeath) => string | null,
  ) => breakdown(`${prefix}-${id}`, title, categories, deaths, key);
  return [
    by('age', 'Age at death', AGE_BANDS, (d) => ageBand(d.dateOfBirth, d.dateOfDeath)),
    by('sex', 'Sex', SEX_CATEGORIES, (d) => d.sex),
    by('ethnicity', 'Ethnicity', ETHNIC_GROUPS, (d) => ethnicGroup(d.ethnicity)),
    ...(withCategory ? [by('category', 'Category of death', CATEGORY_OF_DEATH, categoryKey)] : []),
    by('place', 'Place of death', PLACE_CATEGORIES, (d) => d.placeOfDeath),
    by('expected', 'Expected or unexpected', EXPECTED_CATEGORIES, (d) =>
      d.expected ? 'expected' : 'unexpected',
    ),
  ];
}

export function cdopAnnualStatistics(input: CdopAnnualInput): CdopAnnualStatistics {
  const { year } = input;
  const notified = input.deaths.filter((d) => inPeriod(d.notifiedOn, year));
  const reviewed = input.deaths.filter((d) => inPeriod(d.review?.reviewedOn, year));
  const hasModifiable = (d: AnnualDeath) => d.review?.modifiableFactors === 'yes';
  const reviewBreakdowns = describe('reviewed', reviewed, true);
  const byCategory = reviewBreakdowns.find((b) => b.id === 'reviewed-category')!;
  return {
    year,
    notified: {
      total: notified.length,
      breakdowns: describe('notified', notified, false),
      jar: notified.filter((d) => d.jarRequired).length,
    },
    reviewed: {
      total: reviewed.length,
      breakdowns: reviewBreakdowns,
      withModifiable: reviewed.filter(hasModifiable).length,
      modifiableByCategory: byCategory.rows.map((row) => ({
        category: { key: row.key, label: row.label },
        reviewed: row.count,
        withModifiable: reviewed.filter((d) => hasModifiable(d) && categoryKey(d) === row.key).length,
      })),
      medianDaysDeathToReview: median(reviewed.map((d) => daysBetween(d.dateOfDeath, d.review!.reviewedOn))),
      themes: countThemes(reviewed.map((d) => d.review!.learningPoints)),
    },
    actions: breakdown('actions-status', 'Actions by status', ACTION_STATES, input.actions, (a) =>
      actionState(a, input.asOf),
    ),
  };
}
