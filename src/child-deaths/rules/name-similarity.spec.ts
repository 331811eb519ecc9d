import { jaroWinkler, nameSimilarity, normaliseName, personNameSimilarity } from './name-similarity';

describe('normaliseName', () => {
  it('folds case and accents and drops hyphens, apostrophes and spaces', () => {
    expect(normaliseName("Zoë O'Brien-Smith")).toBe('zoeobriensmith');
    expect(normaliseName('  JOSÉ  ')).toBe('jose');
  });
});

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
  });

  it('is 1 for identical names and 0 when nothing matches or a name is empty', () => {
    expect(jaroWinkler('olivia', 'olivia')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'olivia')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
  });
});

describe('nameSimilarity', () => {
  it('treats spacing, hyphens and accents as the same name', () => {
    expect(nameSimilarity('Smith-Jones', 'smith jones')).toBe(1);
    expect(nameSimilarity('Chloé', 'Chloe')).toBe(1);
  });

  it('treats a nickname as the first given name', () => {
    expect(nameSimilarity('Bill', 'William')).toBe(1);
    expect(nameSimilarity('Bill James', 'William James')).toBe(1);
    expect(nameSimilarity('Bill James', 'William Zed')).toBeLessThan(0.9);
  });

  it('scores a name contained in a longer one highly, not as identical', () => {
    expect(nameSimilarity('Smith', 'Smith-Jones')).toBe(0.95);
    expect(nameSimilarity('Olivia', 'Olivia Rose')).toBe(0.95);
  });
});

describe('personNameSimilarity', () => {
  it('recognises given and family names recorded the wrong way round', () => {
    expect(
      personNameSimilarity(
        { givenName: 'Olivia', familyName: 'Khan' },
        { givenName: 'Khan', familyName: 'Olivia' },
      ),
    ).toBe(1);
  });

  it('needs both names to agree', () => {
    expect(
      personNameSimilarity(
        { givenName: 'Olivia', familyName: 'Khan' },
        { givenName: 'Olivia', familyName: 'Patel' },
      ),
    ).toBeLessThan(0.6);
  });
});
