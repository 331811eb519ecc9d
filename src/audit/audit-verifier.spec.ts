import { chainHash, GENESIS_HASH, StoredChainRow } from './audit-chain';
import { verifyAuditChain } from './audit-verifier';

function table(count: number): (StoredChainRow & { seqText: string })[] {
  const rows: (StoredChainRow & { seqText: string })[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content = {
      id: `id-${seq}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      action: 'case.read',
      userId: null,
      caseId: null,
      organisationIds: [],
      ip: null,
      correlationId: null,
      details: { seq },
    };
    const hash = chainHash(previous, content);
    rows.push({ ...content, seqText: String(seq), prevHash: previous, hash });
    previous = hash;
  }
  return rows;
}

/** Answers the verifier's query the way PostgreSQL would: rows after a sequence number, in order. */
const fakeQuery = (rows: (StoredChainRow & { seqText: string })[]) => (_sql: string, params: unknown[]) => {
  const [after, limit] = params as [string, number];
  return Promise.resolve(rows.filter((r) => Number(r.seqText) > Number(after)).slice(0, limit));
};

describe('verifying the audit chain in batches', () => {
  it('follows the chain across batch boundaries', async () => {
    expect(await verifyAuditChain(fakeQuery(table(23)), 5)).toEqual({ valid: true, checked: 23 });
  });

  it('counts the rows checked up to the first broken one in a later batch', async () => {
    const rows = table(23);
    rows[16].details = { seq: 99 };
    expect(await verifyAuditChain(fakeQuery(rows), 5)).toEqual({
      valid: false,
      checked: 17,
      firstBrokenId: 'id-17',
    });
  });

  it('accepts an empty trail', async () => {
    expect(await verifyAuditChain(fakeQuery([]), 5)).toEqual({ valid: true, checked: 0 });
  });
});
