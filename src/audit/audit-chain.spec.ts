import { canonicalJson, chainHash, checkChain, GENESIS_HASH, StoredChainRow } from './audit-chain';

function chain(count: number): StoredChainRow[] {
  const rows: StoredChainRow[] = [];
  let previous = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const content = {
      id: `id-${i}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, i)),
      action: 'case.read',
      userId: 'u1',
      caseId: `case-${i}`,
      organisationIds: ['o2', 'o1'],
      ip: '10.0.0.1',
      correlationId: `c-${i}`,
      details: { b: 1, a: { z: [1, 2], y: null } },
    };
    const hash = chainHash(previous, content);
    rows.push({ ...content, prevHash: previous, hash });
    previous = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('serialises objects the same whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });

  it('accepts an untouched chain', () => {
    expect(checkChain(chain(5), GENESIS_HASH)).toMatchObject({ valid: true, checked: 5 });
  });

  it('reports the first row whose content was changed', () => {
    const rows = chain(5);
    rows[2].details = { b: 2, a: { z: [1, 2], y: null } };
    expect(checkChain(rows, GENESIS_HASH)).toMatchObject({ valid: false, checked: 3, firstBrokenId: 'id-2' });
  });

  it('reports the row after a deleted one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(checkChain(rows, GENESIS_HASH)).toMatchObject({ valid: false, firstBrokenId: 'id-2' });
  });

  it('reports the row after one whose hash was recomputed to hide a change', () => {
    const rows = chain(4);
    rows[1].action = 'case.update';
    rows[1].hash = chainHash(rows[1].prevHash, rows[1]);
    expect(checkChain(rows, GENESIS_HASH)).toMatchObject({ valid: false, firstBrokenId: 'id-2' });
  });
});
