import type { EntityManager } from 'typeorm';
import type { IsoDate } from '../calendar/iso-date';
import type { ExportMode, ReviewedCaseSource } from './export-case';
import { reviewedCaseSourceFrom, type ReviewedCaseRow } from './reviewed-case-row';
import { FIRST_PAGE_AFTER, REVIEWED_CASES_PAGE_SQL } from './reviewed-cases.sql';

export const PAGE_SIZE = 500;

export interface ReviewedCasesFilter {
  cdopId: string;
  reviewedFrom?: IsoDate;
  reviewedTo?: IsoDate;
  /** Leave out cases this CDOP already exported in this mode at their current revision. */
  newOrChangedSinceLastExportIn?: ExportMode;
}

/**
 * The CDOP's reviewed cases one page at a time, in review-date order; only one page is ever held, so a
 * consumer that awaits its own writes keeps memory flat. `pageDone` runs after each page's last case.
 */
export async function* reviewedCases(
  db: EntityManager,
  filter: ReviewedCasesFilter,
  pageDone: () => Promise<void> = async () => undefined,
): AsyncGenerator<ReviewedCaseSource, void, undefined> {
  let [afterReviewedOn, afterId]: readonly string[] = FIRST_PAGE_AFTER;
  for (;;) {
    const rows: ReviewedCaseRow[] = await db.query(REVIEWED_CASES_PAGE_SQL, [
      filter.cdopId,
      filter.reviewedFrom ?? null,
      filter.reviewedTo ?? null,
      filter.newOrChangedSinceLastExportIn ?? null,
      afterReviewedOn,
      afterId,
      PAGE_SIZE,
    ]);
    for (const row of rows) {
      if (!row.alreadyExported) yield reviewedCaseSourceFrom(row);
    }
    await pageDone();
    if (rows.length < PAGE_SIZE) return;
    const last = rows[rows.length - 1];
    [afterReviewedOn, afterId] = [last.cdopReviewedOn, last.caseId];
  }
}
