import { checkChain, GENESIS_HASH, StoredChainRow } from './audit-chain';

export type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

export interface VerifyResult {
  valid: boolean;
  checked: number;
  firstBrokenId?: string;
}

/**
 * Walks the whole chain in batches, oldest first, and stops at the first row whose content or link does
 * not match. Shared by the admin route and `npm run audit:verify`.
 */
export async function verifyAuditChain(query: Query, batchSize = 5000): Promise<VerifyResult> {
  let previousHash = GENESIS_HASH;
  let afterSeq = '0';
  let checked = 0;
  for (;;) {
    const rows = (await query(
      `SELECT seq::text AS "seqText", id, at, action, user_id AS "userId", case_id AS "caseId",
              organisation_ids AS "organisationIds", ip, correlation_id AS "correlationId", details,
              prev_hash AS "prevHash", hash
         FROM audit_event WHERE seq > $1::bigint ORDER BY seq LIMIT $2`,
      [afterSeq, batchSize],
    )) as (StoredChainRow & { seqText: string })[];
    if (rows.length === 0) return { valid: true, checked };
    const result = checkChain(rows, previousHash);
    checked += result.checked;
    if (!result.valid) return { valid: false, checked, firstBrokenId: result.firstBrokenId };
    previousHash = result.lastHash;
    afterSeq = rows[rows.length - 1].seqText;
  }
}
