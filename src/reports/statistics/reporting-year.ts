import { formatIsoDate, IsoDate } from '../../calendar/iso-date';

/**
 * The reporting year of CDOP annual reports and safeguarding partnership yearly reports: the financial
 * year from 1 April to 31 March (WT 456; statutory-windows.md CDR-ANNUAL-REPORT and SP-YEARLY-REPORT).
 */
export interface ReportingYear {
  /** The calendar year in which it starts. */
  startYear: number;
  from: IsoDate;
  to: IsoDate;
  /** "2025 to 2026", as GOV.UK writes financial years. */
  label: string;
}

export function reportingYear(startYear: number): ReportingYear {
  if (!Number.isInteger(startYear) || startYear < 2000 || startYear > 2999) {
    throw new RangeError(`year must be a four-digit year, not ${startYear}`);
  }
  return {
    startYear,
    from: formatIsoDate(startYear, 4, 1),
    to: formatIsoDate(startYear + 1, 3, 31),
    label: `${startYear} to ${startYear + 1}`,
  };
}

/** Whether a date falls in the period, both ends included. */
export function inPeriod(date: IsoDate | null | undefined, period: { from: IsoDate; to: IsoDate }): boolean {
  return !!date && date >= period.from && date <= period.to;
}
