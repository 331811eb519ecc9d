/**
 * The categories of death on the analysis form. When more than one applies, the one highest in this list
 * (lowest number) is the primary category and the others may be noted.
 */
export const DEATH_CATEGORIES = [
  { number: 1, label: 'Deliberately inflicted injury, abuse or neglect' },
  { number: 2, label: 'Suicide or deliberate self-inflicted harm' },
  {
    number: 3,
    label: 'Trauma and other external factors, including medical or surgical complications or error',
  },
  { number: 4, label: 'Malignancy' },
  { number: 5, label: 'Acute medical or surgical condition (includes sudden unexpected death in epilepsy)' },
  { number: 6, label: 'Chronic medical condition' },
  { number: 7, label: 'Chromosomal, genetic and congenital anomalies' },
  { number: 8, label: 'Perinatal or neonatal event' },
  { number: 9, label: 'Infection' },
  { number: 10, label: 'Sudden unexpected, unexplained death' },
] as const;

export type DeathCategoryNumber = (typeof DEATH_CATEGORIES)[number]['number'];

export function isDeathCategoryNumber(value: unknown): value is DeathCategoryNumber {
  return DEATH_CATEGORIES.some((category) => category.number === value);
}

export function deathCategoryLabel(category: DeathCategoryNumber): string {
  return DEATH_CATEGORIES[category - 1].label;
}

export interface PrimaryCategoryWarning {
  suggestedPrimary: DeathCategoryNumber;
  message: string;
}

/** Warns when one of the other categories ranks above the chosen primary one. */
export function checkPrimaryCategory(
  primary: DeathCategoryNumber,
  others: readonly DeathCategoryNumber[],
): PrimaryCategoryWarning | null {
  const highest = others.reduce((best, category) => (category < best ? category : best), primary);
  if (highest === primary) return null;
  return {
    suggestedPrimary: highest,
    message:
      `Category ${highest} (${deathCategoryLabel(highest)}) also applies and ranks above the primary category ` +
      `${primary} (${deathCategoryLabel(primary)}). The primary category should be the highest-ranked one that applies.`,
  };
}
