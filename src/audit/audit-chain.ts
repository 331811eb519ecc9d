import { createHash } from 'node:crypto';

/** The hash the first row chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The content of one audit row that its hash covers. */
export interface ChainedContent {
  id: string;
  at: Date;
  action: string;
  userId: string | null;
  caseId: string | null;
  organisationIds: string[];
  ip: string | null;
  correlationId: string | null;
  details: unknown;
}

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Each row's hash covers its own content and the previous row's hash, so changing, removing or inserting
 * a row anywhere but the very end breaks every later link.
 */
export function chainHash(previousHash: string, row: ChainedContent): string {
  const content = canonicalJson({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    userId: row.userId,
    caseId: row.caseId,
    organisationIds: [...row.organisationIds].sort(),
    ip: row.ip,
    correlationId: row.correlationId,
    details: row.details,
  });
  return createHash('sha256').update(`${previousHash}\n${content}`).digest('hex');
}

export interface StoredChainRow extends ChainedContent {
  prevHash: string;
  hash: string;
}

export interface ChainCheck {
  valid: boolean;
  checked: number;
  firstBrokenId?: string;
  lastHash: string;
}

/** Checks one batch of rows in chain order, continuing from the hash the previous batch ended on. */
export function checkChain(rows: StoredChainRow[], previousHash: string): ChainCheck {
  let expectedPrevious = previousHash;
  for (const [index, row] of rows.entries()) {
    if (row.prevHash !== expectedPrevious || chainHash(row.prevHash, row) !== row.hash) {
      return { valid: false, checked: index + 1, firstBrokenId: row.id, lastHash: row.hash };
    }
    expectedPrevious = row.hash;
  }
  return { valid: true, checked: rows.length, lastHash: expectedPrevious };
}
