import {
  checkPrimaryCategory,
  DEATH_CATEGORIES,
  deathCategoryLabel,
  isDeathCategoryNumber,
} from './death-categories';

describe('death categories', () => {
  it('has the ten categories in rank order', () => {
    expect(DEATH_CATEGORIES.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(deathCategoryLabel(1)).toBe('Deliberately inflicted injury, abuse or neglect');
    expect(deathCategoryLabel(10)).toBe('Sudden unexpected, unexplained death');
  });

  it.each([0, 11, 2.5, '3', null])('does not accept %p as a category', (value) => {
    expect(isDeathCategoryNumber(value)).toBe(false);
  });
});

describe('checkPrimaryCategory', () => {
  it('is silent when the primary ranks highest or stands alone', () => {
    expect(checkPrimaryCategory(6, [9, 8])).toBeNull();
    expect(checkPrimaryCategory(10, [])).toBeNull();
  });

  it('warns and suggests the highest-ranked other category', () => {
    const warning = checkPrimaryCategory(6, [9, 3, 5]);
    expect(warning?.suggestedPrimary).toBe(3);
    expect(warning?.message).toMatch(
      /Category 3 \(Trauma.*ranks above the primary category 6 \(Chronic medical condition\)/,
    );
  });
});
