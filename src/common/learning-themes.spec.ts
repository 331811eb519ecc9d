import { countTags, countThemes, themesIn } from './learning-themes';

const ids = (texts: string[]) => themesIn(texts).map((theme) => theme.id);

describe('themes in learning points', () => {
  it('finds a theme by a phrase at the start of a word, ignoring case and punctuation', () => {
    expect(ids(['Parents were not given Safe-Sleep advice after discharge.'])).toEqual(['safe-sleep']);
    expect(ids(['Risk of DROWNING in garden ponds'])).toEqual(['water-safety']);
    expect(ids(['A broad review of practice'])).toEqual([]);
  });

  it('reads every learning point of a case together', () => {
    expect(ids(['Smoking in the household.', 'Information sharing between GP and health visitor.'])).toEqual([
      'smoking',
      'information-sharing',
    ]);
  });

  it('counts each case once per theme, most frequent first, then by name', () => {
    const counts = countThemes([
      ['Co-sleeping on a sofa', 'Safe sleep advice not repeated'],
      ['Unsafe sleep environment', 'Parental smoking'],
      ['Delay recognising sepsis'],
      ['No learning identified'],
    ]);
    expect(counts).toEqual([
      { id: 'safe-sleep', label: 'Safe sleeping', cases: 2 },
      { id: 'recognising-illness', label: 'Recognising serious illness and deterioration', cases: 1 },
      { id: 'smoking', label: 'Smoking', cases: 1 },
    ]);
  });

  it('counts chosen tags once per item, ignoring case and spaces, most frequent first', () => {
    expect(countTags([['Neglect', 'neglect', 'Housing'], ['Housing '], ['NEGLECT'], []])).toEqual([
      { label: 'Housing', count: 2 },
      { label: 'Neglect', count: 2 },
    ]);
  });
});
