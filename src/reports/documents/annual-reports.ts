import { stackedBarChart } from '../charts/bar-chart';
import type { PdfRequest } from '../pdf.service';
import { pdfFilename } from '../pdf-filename';
import type { CdopAnnualStatistics } from '../statistics/cdop-annual';
import type { PartnershipYearlyStatistics } from '../statistics/partnership-yearly';
import { COMPLEMENTARY_MARK, SMALL_NUMBER_MARK } from '../statistics/suppression';
import { breakdownChart, breakdownTable, CountTable, Figures, Printer } from './figures';
import { rows } from './format';

/**
 * The CDOP annual report and the safeguarding partnership yearly report data pack. A published
 * version (`published`) is de-identified: no case-level detail, and small numbers withheld.
 */

export interface ReportOrganisation {
  id: string;
  name: string;
}

const SUPPRESSION_NOTE =
  `This is the published version. To avoid identifying children and families, a count from 1 to 4 is ` +
  `shown as "${SMALL_NUMBER_MARK}", and a count from which one of those could be worked out from a total ` +
  `is shown as "${COMPLEMENTARY_MARK}". Shares based on a withheld count are withheld too.`;

const RESTRICTED_NOTE =
  'This version shows every count, including numbers under 5 that could identify a child or family. ' +
  'Do not publish it: publish the version produced with "published" selected.';

function versionNote(published: boolean): string {
  return published ? SUPPRESSION_NOTE : RESTRICTED_NOTE;
}

function medianText(stats: CdopAnnualStatistics, print: Printer): string {
  const { medianDaysDeathToReview: median } = stats.reviewed;
  if (median === null) return 'No reviews completed in the year';
  if (print.cell('reviewed').suppressed) return `Not shown: fewer than 5 reviews (${print.text('reviewed')})`;
  return `${Number.isInteger(median) ? median : median.toFixed(1)} days`;
}

export function cdopAnnualReport(
  stats: CdopAnnualStatistics,
  cdop: ReportOrganisation,
  published: boolean,
): PdfRequest {
  const { year, notified, reviewed } = stats;
  const figures = new Figures();
  figures.count('notified', notified.total);
  figures.count('reviewed', reviewed.total);
  figures.addUp(
    [figures.count('jar', notified.jar), figures.count('no-jar', notified.total - notified.jar)],
    'notified',
  );
  notified.breakdowns.forEach((b) => figures.breakdown(b, 'notified'));
  reviewed.breakdowns.forEach((b) => figures.breakdown(b, 'reviewed'));
  const modifiable = figures.count('modifiable', reviewed.withModifiable);
  const notModifiable = figures.count('not-modifiable', reviewed.total - reviewed.withModifiable);
  figures.addUp([modifiable, notModifiable], 'reviewed');
  const withIds = reviewed.modifiableByCategory.map((m) => {
    const withId = figures.count(`modifiable.${m.category.key}`, m.withModifiable);
    const withoutId = figures.count(`not-modifiable.${m.category.key}`, m.reviewed - m.withModifiable);
    figures.addUp([withId, withoutId], `reviewed-category.${m.category.key}`);
    return [withId, withoutId];
  });
  figures.addUp(
    withIds.map(([w]) => w),
    modifiable,
  );
  figures.addUp(
    withIds.map(([, wo]) => wo),
    notModifiable,
  );
  reviewed.themes.forEach((t) => figures.count(`theme.${t.id}`, t.cases));
  figures.count('actions', stats.actions.total);
  figures.breakdown(stats.actions, 'actions');
  const print = figures.printer(published);

  const byCategory = reviewed.breakdowns.find((b) => b.id === 'reviewed-category')!;
  const modifiableTable: CountTable = {
    id: 'modifiable-by-category',
    caption: 'Reviews that found modifiable factors, by category of death',
    headings: ['Category of death', 'Reviewed', 'With modifiable factors', 'Share'],
    rows: reviewed.modifiableByCategory.map((m) => {
      const category = `reviewed-category.${m.category.key}`;
      const withId = `modifiable.${m.category.key}`;
      return {
        label: m.category.label,
        cells: [print.text(category), print.text(withId), print.share(withId, category)],
      };
    }),
    total: {
      label: 'All categories',
      cells: [print.text('reviewed'), print.text(modifiable), print.share(modifiable, 'reviewed')],
    },
  };
  const title = `CDOP annual report ${year.label}${published ? ': published version' : ''}`;
  return {
    template: 'cdop-annual-report',
    documentType: 'cdop-annual-report',
    title,
    reference: `CDOP annual report ${year.label}`,
    filename: pdfFilename(published ? 'cdop-annual-report-published' : 'cdop-annual-report', year.label),
    organisationIds: [cdop.id],
    auditDetails: { year: year.startYear, published },
    data: {
      versionNote: versionNote(published),
      summaryRows: rows([
        ['CDOP', cdop.name],
        ['Reporting year', `1 April ${year.startYear} to 31 March ${year.startYear + 1}`],
        ['Deaths notified', print.text('notified')],
        ['Joint agency responses among them', print.text('jar')],
        ['Reviews completed by the CDOP', print.text('reviewed')],
        [
          'Reviews finding modifiable factors',
          `${print.text(modifiable)} (${print.share(modifiable, 'reviewed')})`,
        ],
        ['Median time from death to CDOP review', medianText(stats, print)],
      ]),
      notifiedTables: notified.breakdowns.map((b) =>
        breakdownTable(b, 'notified', print, `Deaths notified: ${b.title.toLowerCase()}`),
      ),
      notifiedChart: breakdownChart(
        notified.breakdowns[0],
        print,
        'Deaths notified in the year, by age at death',
      ),
      reviewedTables: reviewed.breakdowns.map((b) =>
        breakdownTable(b, 'reviewed', print, `Reviews completed: ${b.title.toLowerCase()}`),
      ),
      categoryChart: breakdownChart(byCategory, print, 'Reviews completed in the year, by category of death'),
      modifiableTable,
      modifiableChart: stackedBarChart({
        id: 'chart-modifiable-by-category',
        title: 'Reviews with and without modifiable factors, by category of death',
        description: `Stacked bar chart. ${modifiableTable.rows.map((r) => `${r.label}: ${r.cells[1]} of ${r.cells[0]}`).join('; ')}.`,
        series: ['With modifiable factors', 'Without'],
        bars: reviewed.modifiableByCategory.map((m) => ({
          label: m.category.label,
          values: [
            print.cell(`modifiable.${m.category.key}`).value,
            print.cell(`not-modifiable.${m.category.key}`).value,
          ],
          valueText: `${print.text(`modifiable.${m.category.key}`)} of ${print.text(`reviewed-category.${m.category.key}`)}`,
        })),
      }),
      themesTable: {
        id: 'themes',
        caption: 'Themes in the learning points of the reviews completed',
        headings: ['Theme', 'Reviews'],
        rows: reviewed.themes.map((t) => ({ label: t.label, cells: [print.text(`theme.${t.id}`)] })),
        total: null,
      } satisfies CountTable,
      actionsTable: breakdownTable(
        stats.actions,
        'actions',
        print,
        'Actions agreed at the reviews completed, by status',
      ),
      actionsChart: breakdownChart(stats.actions, print, 'Actions by status'),
    },
  };
}

export function partnershipYearlyReport(
  stats: PartnershipYearlyStatistics,
  partnership: ReportOrganisation,
  published: boolean,
): PdfRequest {
  const { year, lcsprs } = stats;
  const figures = new Figures();
  const b = stats;
  figures.count('notifications', b.notificationsByType.total);
  figures.breakdown(b.notificationsByType, 'notifications');
  figures.count('rapid-reviews', b.rapidReviews.total);
  figures.breakdown(b.rapidReviews, 'rapid-reviews');
  figures.count('lcspr-started', lcsprs.started);
  figures.count('lcspr-published', lcsprs.published);
  figures.addUp(
    [
      figures.count('lcspr-on-time', lcsprs.publishedOnTime),
      figures.count('lcspr-late', lcsprs.publishedLate),
    ],
    'lcspr-published',
  );
  figures.count('recommendations', b.recommendationsByStatus.total);
  figures.breakdown(b.recommendationsByStatus, 'recommendations');
  figures.count('actions', b.actionsByStatus.total);
  figures.breakdown(b.actionsByStatus, 'actions');
  b.learningThemes.forEach((t) => figures.count(`theme.${t.id}`, t.cases));
  b.recommendationThemes.forEach((t, i) => figures.count(`tag.${i}`, t.count));
  const print = figures.printer(published);
  const decided = ['rapid-reviews.met', 'rapid-reviews.met-late', 'rapid-reviews.overdue'];
  const title = `Safeguarding partnership yearly report data pack ${year.label}${published ? ': published version' : ''}`;
  return {
    template: 'partnership-yearly-report',
    documentType: 'partnership-yearly-report',
    title,
    reference: `Yearly report ${year.label}`,
    filename: pdfFilename(
      published ? 'partnership-yearly-report-published' : 'partnership-yearly-report',
      year.label,
    ),
    organisationIds: [partnership.id],
    auditDetails: { year: year.startYear, published },
    data: {
      versionNote: versionNote(published),
      summaryRows: rows([
        ['Safeguarding partnership', partnership.name],
        ['Financial year', `1 April ${year.startYear} to 31 March ${year.startYear + 1}`],
        ['Serious incidents notified to the Panel', print.text('notifications')],
        ['Rapid reviews of those notifications', print.text('rapid-reviews')],
        ['LCSPRs started', print.text('lcspr-started')],
        ['LCSPRs published', print.text('lcspr-published')],
        ['Recommendations made', print.text('recommendations')],
      ]),
      notificationsTable: breakdownTable(
        b.notificationsByType,
        'notifications',
        print,
        'Serious incident notifications by type',
      ),
      notificationsChart: breakdownChart(
        b.notificationsByType,
        print,
        'Serious incident notifications by type',
      ),
      rapidReviewTable: breakdownTable(
        b.rapidReviews,
        'rapid-reviews',
        print,
        'Rapid reviews due in the year',
      ),
      rapidReviewOnTime: decided.some((id) => print.cell(id).suppressed)
        ? COMPLEMENTARY_MARK
        : shareOfDecided(decided.map((id) => print.cell(id).value ?? 0)),
      lcsprTable: {
        id: 'lcsprs',
        caption: 'Local child safeguarding practice reviews',
        headings: ['', 'Number'],
        rows: [
          { label: 'Started in the year (decision to initiate)', cells: [print.text('lcspr-started')] },
          { label: 'Published in the year', cells: [print.text('lcspr-published')] },
          {
            label: 'of which by the due date (six months from the decision, plus any pause)',
            cells: [print.text('lcspr-on-time')],
          },
          { label: 'of which late', cells: [print.text('lcspr-late')] },
        ],
        total: null,
      } satisfies CountTable,
      recommendationsTable: breakdownTable(b.recommendationsByStatus, 'recommendations', print),
      actionsTable: breakdownTable(b.actionsByStatus, 'actions', print),
      actionsChart: breakdownChart(
        b.actionsByStatus,
        print,
        'Actions on the year’s recommendations, by status',
      ),
      learningThemesTable: {
        id: 'learning-themes',
        caption: 'Themes in the learning of rapid reviews',
        headings: ['Theme', 'Incidents'],
        rows: b.learningThemes.map((t) => ({ label: t.label, cells: [print.text(`theme.${t.id}`)] })),
        total: null,
      } satisfies CountTable,
      recommendationThemesTable: {
        id: 'recommendation-themes',
        caption: 'Themes of the recommendations',
        headings: ['Theme', 'Recommendations'],
        rows: b.recommendationThemes.map((t, i) => ({ label: t.label, cells: [print.text(`tag.${i}`)] })),
        total: null,
      } satisfies CountTable,
    },
  };
}

function shareOfDecided([met, late, overdue]: number[]): string {
  const decided = met + late + overdue;
  return decided === 0 ? 'None due yet' : `${Math.round((met / decided) * 100)}%`;
}
