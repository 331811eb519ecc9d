import { median } from './breakdown';
import { ageBand, AnnualDeath, cdopAnnualStatistics, ethnicGroup } from './cdop-annual';
import { inPeriod, reportingYear } from './reporting-year';

const year = reportingYear(2025);

function death(overrides: Partial<AnnualDeath> = {}): AnnualDeath {
  return {
    dateOfBirth: '2025-01-10',
    dateOfDeath: '2025-05-01',
    notifiedOn: '2025-05-02',
    sex: 'female',
    ethnicity: 'A',
    placeOfDeath: 'hospital',
    expected: false,
    jarRequired: true,
    review: null,
    ...overrides,
  };
}

const reviewed = (
  reviewedOn: string,
  primaryCategory: number | null,
  modifiableFactors = 'no',
  learningPoints: string[] = [],
) => ({
  reviewedOn,
  primaryCategory,
  modifiableFactors,
  learningPoints,
});

const rows = (breakdown: { rows: { key: string; count: number }[] }) =>
  Object.fromEntries(breakdown.rows.map((r) => [r.key, r.count]));

describe('the reporting year', () => {
  it('runs from 1 April to 31 March, both days included', () => {
    expect(year).toEqual({ startYear: 2025, from: '2025-04-01', to: '2026-03-31', label: '2025 to 2026' });
    expect(['2025-03-31', '2025-04-01', '2026-03-31', '2026-04-01'].map((d) => inPeriod(d, year))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('refuses a year that is not four digits', () => {
    expect(() => reportingYear(25)).toThrow(RangeError);
  });
});

describe('CDOP annual report figures', () => {
  it('puts each death in the NCMD age band for its age at death', () => {
    expect(ageBand('2025-01-01', '2025-01-28')).toBe('under-28-days');
    expect(ageBand('2025-01-01', '2025-01-29')).toBe('28-days-to-1-year');
    expect(ageBand('2024-01-01', '2024-12-31')).toBe('28-days-to-1-year');
    expect(ageBand('2024-01-01', '2025-01-01')).toBe('1-4');
    expect(ageBand('2010-06-01', '2025-05-31')).toBe('10-14');
    expect(ageBand('2008-06-01', '2026-05-31')).toBe('15-17');
  });

  it('groups NHS ethnic category codes into the five broad groups', () => {
    expect(['A', 'F', 'J', 'N', 'R', 'Z', null, 'Q'].map(ethnicGroup)).toEqual([
      'white',
      'mixed',
      'asian',
      'black',
      'other',
      'not-stated',
      null,
      null,
    ]);
  });

  const stats = cdopAnnualStatistics({
    year,
    asOf: '2026-04-15',
    deaths: [
      // Notified in the year and reviewed in it.
      death({ review: reviewed('2025-11-01', 10, 'yes', ['Unsafe sleep: co-sleeping on a sofa']) }),
      // Notified the year before, reviewed in this one.
      death({
        dateOfBirth: '2012-03-01',
        dateOfDeath: '2025-02-01',
        notifiedOn: '2025-02-02',
        sex: 'male',
        ethnicity: 'N',
        placeOfDeath: 'public-place',
        review: reviewed('2025-08-01', 3, 'yes', ['Road safety near the school']),
      }),
      // Notified in the year, not yet reviewed.
      death({ expected: true, jarRequired: false, placeOfDeath: null, sex: null }),
      // Notified in the year, reviewed after it ends.
      death({ notifiedOn: '2026-03-31', review: reviewed('2026-04-10', 4) }),
      // Outside the year altogether.
      death({ notifiedOn: '2024-06-01', review: reviewed('2024-12-01', 4) }),
    ],
    actions: [
      { status: 'completed', dueDate: '2026-01-01' },
      { status: 'open', dueDate: '2026-04-01' },
      { status: 'in-progress', dueDate: '2026-06-01' },
      { status: 'cancelled', dueDate: '2026-02-01' },
    ],
  });

  it('counts deaths notified in the year, with the joint agency responses among them', () => {
    expect(stats.notified.total).toBe(3);
    expect(stats.notified.jar).toBe(2);
    const [age, sex, , place, expected] = stats.notified.breakdowns;
    expect(rows(age)).toMatchObject({ '28-days-to-1-year': 3, '1-4': 0 });
    expect(rows(sex)).toEqual({ male: 0, female: 2, indeterminate: 0, 'not-known': 0, 'not-recorded': 1 });
    expect(rows(place)).toEqual({ home: 0, hospital: 2, 'public-place': 0, other: 0, 'not-recorded': 1 });
    expect(rows(expected)).toEqual({ expected: 1, unexpected: 2 });
  });

  it('counts deaths whose review the CDOP completed in the year, by category of death', () => {
    expect(stats.reviewed.total).toBe(2);
    const category = stats.reviewed.breakdowns.find((b) => b.id === 'reviewed-category')!;
    expect(rows(category)).toMatchObject({ '3': 1, '10': 1, '4': 0 });
    expect(category.rows).toHaveLength(10);
    const ethnicity = stats.reviewed.breakdowns.find((b) => b.id === 'reviewed-ethnicity')!;
    expect(rows(ethnicity)).toMatchObject({ white: 1, black: 1 });
  });

  it('gives the share with modifiable factors overall and by category', () => {
    expect(stats.reviewed.withModifiable).toBe(2);
    const byKey = Object.fromEntries(stats.reviewed.modifiableByCategory.map((m) => [m.category.key, m]));
    expect(byKey['3']).toMatchObject({ reviewed: 1, withModifiable: 1 });
    expect(byKey['4']).toMatchObject({ reviewed: 0, withModifiable: 0 });
  });

  it('gives the median days from death to review, and the themes of the learning', () => {
    // 2025-05-01 → 2025-11-01 is 184 days; 2025-02-01 → 2025-08-01 is 181.
    expect(stats.reviewed.medianDaysDeathToReview).toBe(182.5);
    expect(stats.reviewed.themes.map((t) => [t.id, t.cases])).toEqual([
      ['road-safety', 1],
      ['safe-sleep', 1],
    ]);
  });

  it('sorts the actions into completed, not yet due, overdue and cancelled on the report date', () => {
    expect(rows(stats.actions)).toEqual({ completed: 1, 'not-yet-due': 1, overdue: 1, cancelled: 1 });
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
