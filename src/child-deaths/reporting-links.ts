import { createHash, randomBytes } from 'node:crypto';

/** How long a single-use link to a reporting form works: time to complete the form, and to be chased once. */
export const LINK_LIFETIME_DAYS = 60;

export interface IssuedLink {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

/** A new random token; only its hash is stored, so a copy of the database opens no forms. */
export function issueLink(now: Date): IssuedLink {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    tokenHash: hashLinkToken(token),
    expiresAt: new Date(now.getTime() + LINK_LIFETIME_DAYS * 86_400_000),
  };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The page a link opens. The token rides in the query string, which request logs leave out, so the
 * credential never reaches a log line.
 */
export function reportingFormLinkPath(token: string): string {
  return `/reporting-forms/by-link?token=${token}`;
}
