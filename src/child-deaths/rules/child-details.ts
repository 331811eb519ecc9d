/**
 * Coded answers about the child and the death, from the notification form. Sex and ethnicity use the NHS
 * Data Dictionary values; the NCMD export carries all three lists as they are.
 */
export const SEXES = ['male', 'female', 'indeterminate', 'not-known'] as const;
export type Sex = (typeof SEXES)[number];

export const PLACES_OF_DEATH = ['home', 'hospital', 'public-place', 'other'] as const;
export type PlaceOfDeath = (typeof PLACES_OF_DEATH)[number];

/** NHS ethnic category codes (NHS Data Dictionary, 2001 census groups); Z is "not stated". */
export const ETHNIC_CATEGORIES = {
  A: 'White: British',
  B: 'White: Irish',
  C: 'White: any other White background',
  D: 'Mixed: White and Black Caribbean',
  E: 'Mixed: White and Black African',
  F: 'Mixed: White and Asian',
  G: 'Mixed: any other mixed background',
  H: 'Asian or Asian British: Indian',
  J: 'Asian or Asian British: Pakistani',
  K: 'Asian or Asian British: Bangladeshi',
  L: 'Asian or Asian British: any other Asian background',
  M: 'Black or Black British: Caribbean',
  N: 'Black or Black British: African',
  P: 'Black or Black British: any other Black background',
  R: 'Other ethnic groups: Chinese',
  S: 'Other ethnic groups: any other ethnic group',
  Z: 'Not stated',
} as const;
export type EthnicCategory = keyof typeof ETHNIC_CATEGORIES;
