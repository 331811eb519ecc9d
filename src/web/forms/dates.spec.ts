import { dateInputValues, readDateInput } from './dates';

describe('GOV.UK date inputs', () => {
  it('reads a real date typed with numbers or a month name', () => {
    expect(readDateInput('from', { day: '5', month: '1', year: '2027' }, 'From')).toEqual({
      date: '2027-01-05',
    });
    expect(readDateInput('from', { day: '29', month: 'Feb', year: '2028' }, 'From')).toEqual({
      date: '2028-02-29',
    });
  });

  it('treats three empty boxes as no date', () => {
    expect(readDateInput('from', { day: ' ', month: '', year: undefined }, 'From')).toEqual({ empty: true });
  });

  it('says which part is missing and points at that box', () => {
    expect(readDateInput('dateOfDeath', { day: '5', month: '', year: '' }, 'Date of death')).toEqual({
      error: 'Date of death must include a month and year',
      anchor: 'dateOfDeath-month',
    });
  });

  it('refuses a date that does not exist', () => {
    expect(readDateInput('to', { day: '29', month: '2', year: '2027' }, 'To')).toEqual({
      error: 'To must be a real date',
      anchor: 'to-day',
    });
    expect(readDateInput('to', { day: 'x', month: '2', year: '27' }, 'To')).toMatchObject({
      error: 'To must be a real date',
    });
  });

  it('fills the boxes back from a date', () => {
    expect(dateInputValues('2027-01-05')).toEqual({ day: '5', month: '1', year: '2027' });
  });
});
