import { COMMON_PASSWORD_WORDS, COMMON_PASSWORDS_FULL } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** The smallest unit the text is a repetition of ("abcabc" → "abc"), or the text itself. */
function repeatedUnit(text: string): string {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) {
      return text.slice(0, size);
    }
  }
  return text;
}

/** "123456789012", "abcdefghijkl", "987654321098": each character one step from the last. */
function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.charCodeAt(0));
  const step = (a: number, b: number) => (/\d/.test(String.fromCharCode(a)) ? (b - a + 10) % 10 : b - a);
  const first = step(codes[0], codes[1]);
  return (
    (first === 1 || first === -1 || first === 9) &&
    codes.slice(1).every((c, i) => step(codes[i], c) === first)
  );
}

/**
 * The word underneath: digits and symbols around it dropped, look-alike characters inside it undone
 * ("P@ssw0rd2026!!" → "password").
 */
function skeleton(password: string): string {
  return [...password.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')]
    .map((c) => LOOK_ALIKES[c] ?? c)
    .filter((c) => /\p{L}/u.test(c))
    .join('');
}

/**
 * Why a password would be refused, or [] if it is acceptable. Follows NCSC guidance: length and a
 * deny-list of guessable choices, no composition rules.
 */
export function passwordProblems(
  password: string,
  context: { email?: string; name?: string } = {},
): string[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return [`password must be at least ${MIN_PASSWORD_LENGTH} characters`];
  if (length > MAX_PASSWORD_LENGTH) return [`password must be at most ${MAX_PASSWORD_LENGTH} characters`];
  const lower = password.toLowerCase();
  const letters = skeleton(password);
  const guessable =
    COMMON_PASSWORDS_FULL.has(lower) ||
    repeatedUnit(lower).length <= 4 ||
    isSequence(lower) ||
    (letters.length > 0 && COMMON_PASSWORD_WORDS.has(repeatedUnit(letters))) ||
    (letters.length === 0 && (repeatedUnit(lower).length <= 6 || isSequence(lower.replace(/\D/g, ''))));
  if (guessable) {
    return [
      'password is too common or too easy to guess (for example a common word with numbers added); use three or more random words',
    ];
  }
  const personal = [context.email?.split('@')[0], ...(context.name?.split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') ?? '')
    .filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part))) {
    return ['password must not contain your name or email address'];
  }
  return [];
}
