import type { IsoDate } from '../calendar/iso-date';

/** The values that identify a child and must not survive in de-identified free text. */
export interface ChildIdentifiers {
  caseId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  nhsNumber?: string;
  postcode?: string;
  timeOfDeath?: string;
}

const MONTHS = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

/*
 * Patterns are built per child and a large export holds many children, so compiling them is the main
 * cost: each is compiled only when its hint (a fragment every match must contain) is in the text, and
 * none holds a Unicode property class, which V8 takes about a millisecond to compile. What may touch a
 * match is checked on its neighbouring characters instead, with these, compiled once.
 * Names and postcodes must stand as whole words; numbers only must not run on into other digits, so
 * that '3.40am' still loses its time.
 */
interface Boundary {
  before: RegExp;
  after: RegExp;
}
const WORD: Boundary = { before: /[\p{L}\p{M}\p{N}]$/u, after: /^[\p{L}\p{M}\p{N}]/u };
const NUMBER: Boundary = { before: /\d$/, after: /^\d/ };

interface Rule {
  source: string;
  /** Lower case; text without it cannot match. */
  hint: string;
  placeholder: string;
  boundary: Boundary;
  pattern?: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds a function that replaces the child's identifiers in free text: names by '[name]', the NHS
 * number, postcode, date of birth (written the common ways), time of death and case id by placeholders.
 * Only whole words are replaced, but matching errs towards redacting: a family name that is also an
 * ordinary word is redacted everywhere.
 */
export function redactor(ids: ChildIdentifiers): (text: string) => string {
  const rules: Rule[] = [
    ...(ids.caseId.length >= 8 ? [rule(escape(ids.caseId), ids.caseId, '[case]', WORD)] : []),
    ...(ids.nhsNumber
      ? [rule(nhsNumberPattern(ids.nhsNumber), ids.nhsNumber.slice(0, 3), '[nhs number]', NUMBER)]
      : []),
    ...(ids.postcode
      ? [rule(postcodePattern(ids.postcode), ids.postcode.split(' ')[0], '[postcode]', WORD)]
      : []),
    ...dateOfBirthPatterns(ids.dateOfBirth).map((source) =>
      rule(source, ids.dateOfBirth.slice(2, 4), '[date of birth]', NUMBER),
    ),
    ...(ids.timeOfDeath
      ? [rule(timePattern(ids.timeOfDeath), ids.timeOfDeath.slice(-2), '[time]', NUMBER)]
      : []),
    ...namesLongestFirst(ids.givenName, ids.familyName).map((name) =>
      rule(namePattern(name), longestRun(name), '[name]', WORD),
    ),
  ];
  return (text) => {
    const normalised = text.normalize('NFC');
    const lower = normalised.toLowerCase();
    return rules.reduce(
      (redacted, candidate) =>
        lower.includes(candidate.hint) ? replaceStandingAlone(redacted, candidate) : redacted,
      normalised,
    );
  };
}

function rule(source: string, hint: string, placeholder: string, boundary: Boundary): Rule {
  return { source, hint: hint.toLowerCase(), placeholder, boundary };
}

function replaceStandingAlone(text: string, candidate: Rule): string {
  candidate.pattern ??= new RegExp(candidate.source, 'gi');
  const { placeholder, boundary } = candidate;
  return text.replace(candidate.pattern, (match: string, ...rest: unknown[]) => {
    const offset = rest.find((value): value is number => typeof value === 'number') ?? 0;
    const before = text.slice(Math.max(0, offset - 2), offset);
    const after = text.slice(offset + match.length, offset + match.length + 2);
    return boundary.before.test(before) || boundary.after.test(after) ? match : placeholder;
  });
}

/** Ten digits, with or without the usual 3-3-4 spaces or hyphens. */
function nhsNumberPattern(nhsNumber: string): string {
  return `${nhsNumber.slice(0, 3)}[\\s-]?${nhsNumber.slice(3, 6)}[\\s-]?${nhsNumber.slice(6)}`;
}

function postcodePattern(postcode: string): string {
  return postcode.split(' ').map(escape).join('\\s*');
}

function timePattern(time: string): string {
  const [hours, minutes] = time.split(':');
  return `0?${Number(hours)}[:.]${minutes}`;
}

/** 2014-03-07, 2014/03/07, 7/3/2014, 07-03-14, 07.03.2014, 7 March 2014, 7th Mar 2014, March 7, 2014. */
function dateOfBirthPatterns(dateOfBirth: IsoDate): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!match) return [];
  const [year, month, day] = match.slice(1);
  const d = `0?${Number(day)}`;
  const m = `0?${Number(month)}`;
  const monthName = `(?:${MONTHS[Number(month) - 1].join('|')})\\.?`;
  const ordinal = `${d}(?:st|nd|rd|th)?`;
  return [
    `${year}[-/.]${m}[-/.]${d}`,
    `${d}[-/.]${m}[-/.](?:${year}|${year.slice(2)})`,
    `${ordinal}\\s+(?:of\\s+)?${monthName},?\\s+${year}`,
    `${monthName}\\s+${ordinal},?\\s+${year}`,
  ];
}

/**
 * The whole names and each part of them (split on spaces and hyphens), longest first, each its own
 * pattern so that a longer name failing the whole-word test does not hide a shorter one; initials are kept.
 */
function namesLongestFirst(givenName: string, familyName: string): string[] {
  const whole = [givenName, familyName].map((name) => name.normalize('NFC').trim());
  const parts = whole.flatMap((name) => name.split(/[\s-]+/));
  const names = [...new Set([...whole, ...parts])].filter((name) => name.length >= 2);
  return names.sort((a, b) => b.length - a.length);
}

function namePattern(name: string): string {
  return escape(name).replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+');
}

/** The longest stretch of a name without an apostrophe or space, which every spelling of it contains. */
function longestRun(name: string): string {
  return name.split(/['’\s]+/).reduce((longest, run) => (run.length > longest.length ? run : longest), '');
}
