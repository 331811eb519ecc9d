import { ComplianceClock, deadlineCompliance, percentText } from './deadline-compliance';

function clock(
  rule: string,
  dueDate: string,
  status: ComplianceClock['status'],
  caseReference = 'CDR-2026-0001',
): ComplianceClock {
  return {
    caseReference,
    rule,
    title: `${rule} title`,
    basisDate: '2026-01-05',
    dueDate,
    status,
    pauses: [],
    recomputations: [],
  };
}

describe('deadline compliance', () => {
  const summary = deadlineCompliance([
    clock('SI-NOTIFY', '2026-02-03', 'met-late'),
    clock('CDR-NOTIFY', '2026-01-07', 'met'),
    clock('CDR-NOTIFY', '2026-01-09', 'met', 'CDR-2026-0002'),
    clock('CDR-NOTIFY', '2026-01-08', 'overdue'),
    clock('CDR-CDOP-REVIEW', '2026-03-01', 'paused'),
    clock('CDR-JAR-DECISION', '2026-01-06', 'not-applicable'),
  ]);

  it('lists every clock by due date', () => {
    expect(summary.clocks.map((c) => c.dueDate)).toEqual([
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-02-03',
      '2026-03-01',
    ]);
  });

  it('gives the share met on time per rule, leaving out clocks with no outcome yet', () => {
    const byRule = Object.fromEntries(summary.rules.map((r) => [r.rule, r]));
    expect(byRule['CDR-NOTIFY']).toMatchObject({ due: 3, met: 2, metLate: 0, overdue: 1, open: 0 });
    expect(byRule['CDR-NOTIFY'].shareOnTime).toBeCloseTo(2 / 3);
    expect(byRule['SI-NOTIFY'].shareOnTime).toBe(0);
    expect(byRule['CDR-CDOP-REVIEW']).toMatchObject({ open: 1, shareOnTime: null });
    expect(byRule['CDR-JAR-DECISION']).toMatchObject({ notApplicable: 1, shareOnTime: null });
    expect(summary.rules.map((r) => r.rule)).toEqual([
      'CDR-CDOP-REVIEW',
      'CDR-JAR-DECISION',
      'CDR-NOTIFY',
      'SI-NOTIFY',
    ]);
  });

  it('gives the overall share across every rule', () => {
    expect(summary.overall).toMatchObject({
      due: 6,
      met: 2,
      metLate: 1,
      overdue: 1,
      open: 1,
      notApplicable: 1,
    });
    expect(percentText(summary.overall.shareOnTime)).toBe('50%');
    expect(percentText(null)).toBe('–');
  });
});
