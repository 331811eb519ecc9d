/**
 * Themes in free-text learning, found by plain keyword and phrase counts so that anyone can see why a
 * case was counted under a theme. A phrase matches at the start of a word ("drown" finds "drowning",
 * "road" does not find "broad"), ignoring case and punctuation.
 */

export interface Theme {
  id: string;
  label: string;
  phrases: readonly string[];
}

export const LEARNING_THEMES: readonly Theme[] = [
  {
    id: 'safe-sleep',
    label: 'Safe sleeping',
    phrases: ['safe sleep', 'unsafe sleep', 'co-sleep', 'bed sharing', 'sofa'],
  },
  { id: 'smoking', label: 'Smoking', phrases: ['smoking', 'smoker', 'tobacco', 'vaping'] },
  {
    id: 'mental-health',
    label: 'Mental health, self-harm and suicide',
    phrases: ['mental health', 'self-harm', 'suicid', 'camhs'],
  },
  {
    id: 'substance-misuse',
    label: 'Alcohol and substance misuse',
    phrases: ['alcohol', 'substance', 'drug use', 'drugs'],
  },
  { id: 'domestic-abuse', label: 'Domestic abuse', phrases: ['domestic abuse', 'domestic violence'] },
  {
    id: 'information-sharing',
    label: 'Information sharing between agencies',
    phrases: ['information sharing', 'share information', 'sharing information', 'communication between'],
  },
  {
    id: 'recognising-illness',
    label: 'Recognising serious illness and deterioration',
    phrases: ['sepsis', 'deteriorat', 'early warning'],
  },
  {
    id: 'road-safety',
    label: 'Road and transport safety',
    phrases: ['road', 'traffic', 'car seat', 'vehicle'],
  },
  { id: 'water-safety', label: 'Water safety', phrases: ['drown', 'water safety', 'swimming'] },
  { id: 'asthma-allergy', label: 'Asthma and allergy', phrases: ['asthma', 'anaphyla', 'allerg'] },
  {
    id: 'access-to-services',
    label: 'Access to services',
    phrases: ['access to services', 'waiting list', 'waiting time', 'barriers to', 'interpreter'],
  },
  { id: 'poverty', label: 'Poverty, deprivation and housing', phrases: ['poverty', 'depriv', 'housing'] },
  { id: 'neglect', label: 'Neglect', phrases: ['neglect'] },
  { id: 'online-safety', label: 'Online safety', phrases: ['online', 'social media'] },
  { id: 'bereavement-support', label: 'Bereavement support', phrases: ['bereavement'] },
];

function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const compiled = new WeakMap<Theme, string[]>();

function phrasesOf(theme: Theme): string[] {
  let found = compiled.get(theme);
  if (!found) {
    found = theme.phrases.map((phrase) => words(phrase).trimEnd());
    compiled.set(theme, found);
  }
  return found;
}

/** The themes one piece of learning (or several, for one case) touches. */
export function themesIn(texts: readonly string[], themes: readonly Theme[] = LEARNING_THEMES): Theme[] {
  const text = words(texts.join(' '));
  return themes.filter((theme) => phrasesOf(theme).some((phrase) => text.includes(phrase)));
}

export interface ThemeCount {
  id: string;
  label: string;
  /** Cases whose learning touches the theme (a case counts once however often it mentions it). */
  cases: number;
}

/** For each theme found, how many cases touch it; most frequent first, then by name. */
export function countThemes(
  learningByCase: readonly (readonly string[])[],
  themes: readonly Theme[] = LEARNING_THEMES,
): ThemeCount[] {
  const counts = new Map<Theme, number>();
  for (const texts of learningByCase) {
    for (const theme of themesIn(texts, themes)) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  return [...counts]
    .map(([theme, cases]) => ({ id: theme.id, label: theme.label, cases }))
    .sort((a, b) => b.cases - a.cases || a.label.localeCompare(b.label, 'en-GB'));
}

/** Counts of tags chosen by people (for example recommendation themes), ignoring case; most frequent first. */
export function countTags(tagsByItem: readonly (readonly string[])[]): { label: string; count: number }[] {
  const counts = new Map<string, { label: string; count: number }>();
  for (const tags of tagsByItem) {
    const seen = new Set<string>();
    for (const label of tags.map((t) => t.trim()).filter(Boolean)) {
      const key = label.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { label, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-GB'));
}
