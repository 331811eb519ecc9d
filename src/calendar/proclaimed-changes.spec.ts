import { regularBankHolidays } from './bank-holidays';
import { isIsoDate, isWeekend, parseIsoDate } from './iso-date';
import { PROCLAIMED_CHANGES } from './proclaimed-changes';

describe('proclaimed changes seed', () => {
  it.each(PROCLAIMED_CHANGES.map((c) => [c.date, c]))('%s is a weekday holiday', (_date, change) => {
    expect(isIsoDate(change.date)).toBe(true);
    expect(isWeekend(change.date)).toBe(false);
    expect(change.name).not.toBe('');
  });

  it.each(PROCLAIMED_CHANGES.filter((c) => c.replaces).map((c) => [c.date, c.replaces]))(
    'the move to %s replaces %s, a regular holiday of that year',
    (_date, replaces) => {
      const year = parseIsoDate(replaces as string).year;
      expect(regularBankHolidays(year).map((h) => h.date)).toContain(replaces);
    },
  );
});
