import { assessCareLeaver, withinCareLeaverAge } from './care-leaver';

const dateOfBirth = '2006-05-10';

describe('assessCareLeaver', () => {
  it('counts someone looked after from 15 until 18 as a care leaver', () => {
    const result = assessCareLeaver({
      dateOfBirth,
      on: '2026-01-01',
      lookedAfterPeriods: [{ from: '2021-06-01', to: '2024-05-09' }],
    });
    expect(result.careLeaver).toBe(true);
  });

  it('adds up separate periods to reach 13 weeks', () => {
    const periods = [
      { from: '2022-01-01', to: '2022-02-14' }, // 45 days
      { from: '2022-06-01', to: '2022-07-16' }, // 46 days, ending after the 16th birthday
    ];
    expect(assessCareLeaver({ dateOfBirth, on: '2026-01-01', lookedAfterPeriods: periods }).careLeaver).toBe(
      true,
    );
    const oneDayShort = [periods[0], { from: '2022-06-01', to: '2022-07-15' }];
    expect(assessCareLeaver({ dateOfBirth, on: '2026-01-01', lookedAfterPeriods: oneDayShort })).toEqual({
      careLeaver: false,
      reason: 'Looked after for 90 days since the 14th birthday; at least 13 weeks (91 days) are needed',
    });
  });

  it('does not count time looked after before the 14th birthday', () => {
    const result = assessCareLeaver({
      dateOfBirth,
      on: '2026-01-01',
      lookedAfterPeriods: [
        { from: '2019-01-01', to: '2020-06-09' },
        { from: '2022-06-01', to: '2022-06-30' },
      ],
    });
    expect(result.careLeaver).toBe(false);
    expect(result.reason).toMatch(/Looked after for 61 days/);
  });

  it('needs the care to have continued past the 16th birthday', () => {
    const result = assessCareLeaver({
      dateOfBirth,
      on: '2026-01-01',
      lookedAfterPeriods: [{ from: '2020-06-01', to: '2022-05-09' }],
    });
    expect(result).toEqual({
      careLeaver: false,
      reason: 'Stopped being looked after before the 16th birthday',
    });
  });

  it('ends on the 25th birthday', () => {
    const lookedAfterPeriods = [{ from: '2021-06-01', to: '2024-05-09' }];
    expect(assessCareLeaver({ dateOfBirth, on: '2031-05-09', lookedAfterPeriods }).careLeaver).toBe(true);
    expect(assessCareLeaver({ dateOfBirth, on: '2031-05-10', lookedAfterPeriods }).careLeaver).toBe(false);
  });
});

describe('withinCareLeaverAge', () => {
  it('covers ages up to and including 24', () => {
    expect(withinCareLeaverAge(24)).toBe(true);
    expect(withinCareLeaverAge(25)).toBe(false);
  });
});
