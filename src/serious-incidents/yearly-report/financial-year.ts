import { IsoDate } from '../../calendar/iso-date';

/** The financial year starting 1 April `year`: its first and last days and its label (WT 112). */
export function financialYear(year: number): { from: IsoDate; to: IsoDate; label: string } {
  return {
    from: `${year}-04-01`,
    to: `${year + 1}-03-31`,
    label: `${year}-${String((year + 1) % 100).padStart(2, '0')}`,
  };
}
