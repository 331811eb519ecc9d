/**
 * Fuzzy name comparison for matching notifications of the same death. Names are compared after
 * folding case and accents and dropping hyphens, apostrophes and spaces, using Jaro-Winkler similarity
 * (1 = identical, 0 = nothing in common).
 */

/** Common English given-name variants; a nickname counts as the same name. Deliberately short. */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['alexander', 'alex', 'alfie', 'sandy'],
  ['alexandra', 'alex', 'lexi', 'sasha'],
  ['abigail', 'abbie', 'abby', 'abi'],
  ['benjamin', 'ben', 'benji', 'benny'],
  ['catherine', 'katherine', 'kathryn', 'kate', 'katie', 'cath', 'kath', 'kitty'],
  ['charles', 'charlie', 'chas'],
  ['charlotte', 'charlie', 'lottie'],
  ['christopher', 'chris', 'kit'],
  ['daniel', 'dan', 'danny'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy'],
  ['eleanor', 'ellie', 'nell', 'nellie'],
  ['elizabeth', 'beth', 'betty', 'eliza', 'libby', 'liz', 'lizzie'],
  ['henry', 'harry', 'hal'],
  ['isabella', 'isabelle', 'isobel', 'bella', 'izzy'],
  ['james', 'jamie', 'jim', 'jimmy'],
  ['jessica', 'jess', 'jessie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jonathan', 'jon', 'jonny'],
  ['joseph', 'joe', 'joey'],
  ['joshua', 'josh'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['matthew', 'matt', 'matty'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['nicholas', 'nick', 'nicky'],
  ['oliver', 'ollie'],
  ['rebecca', 'becca', 'becky'],
  ['robert', 'rob', 'robbie', 'bob', 'bobby'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['thomas', 'tom', 'tommy'],
  ['william', 'will', 'bill', 'billy', 'liam'],
];

/** Lower case, accents folded, and every character other than a–z removed ('Zoë O'Brien-Smith' → 'zoeobriensmith'). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function tokens(name: string): string[] {
  return name
    .split(/[\s\-'’]+/)
    .map(normaliseName)
    .filter((token) => token !== '');
}

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function sameByNickname(a: string, b: string): boolean {
  return NICKNAME_GROUPS.some((group) => group.includes(a) && group.includes(b));
}

/** Score given to a name that is all of the other plus more (a middle name, a double-barrelled surname). */
const CONTAINED_NAME_SCORE = 0.95;

/**
 * How alike two single names are (a given name, or a family name). Beyond spelling, the first given
 * names may be nickname variants, and one name may be part of the other ('Smith' in 'Smith-Jones').
 */
export function nameSimilarity(a: string, b: string): number {
  const spelling = jaroWinkler(normaliseName(a), normaliseName(b));
  if (spelling === 1) return 1;
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return spelling;
  if (ta[0] !== tb[0] && sameByNickname(ta[0], tb[0]))
    return nameSimilarity([tb[0], ...ta.slice(1)].join(' '), b);
  const [shorter, longer] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const contained = shorter.every((token) => longer.includes(token));
  return contained ? Math.max(spelling, CONTAINED_NAME_SCORE) : spelling;
}

export interface PersonName {
  givenName?: string;
  familyName?: string;
}

/**
 * How alike two people's names are: the weaker of the given-name and family-name scores, so both must
 * agree. Names recorded the other way round (given in the family field) are tried too.
 */
export function personNameSimilarity(a: PersonName, b: PersonName): number {
  const score = (g1 = '', f1 = '', g2 = '', f2 = '') =>
    Math.min(nameSimilarity(g1, g2), nameSimilarity(f1, f2));
  return Math.max(
    score(a.givenName, a.familyName, b.givenName, b.familyName),
    score(a.givenName, a.familyName, b.familyName, b.givenName),
  );
}
