import type { PlaceOfDeath } from '../rules/child-details';

/** Answer lists of the notification form: the coded lists of the rules, with the labels people read. */
export {
  ETHNIC_CATEGORIES,
  PLACES_OF_DEATH,
  SEXES,
  type PlaceOfDeath,
  type Sex,
} from '../rules/child-details';

export const PLACE_OF_DEATH_LABELS: Readonly<Record<PlaceOfDeath, string>> = {
  home: 'Home',
  hospital: 'Hospital',
  'public-place': 'Public place',
  other: 'Other',
};
