import { canOverride, CLOCK_RULES, clockRule, rulesStartedBy } from './clock-rules';

// The ids of shared/domain/statutory-windows.md, in its order, with the two clocks of tracked actions.
const RULE_IDS = [
  'CDR-NOTIFY',
  'CDR-REGISTRAR',
  'CDR-CORONER',
  'CDR-JAR-DECISION',
  'CDR-JAR-MEETING',
  'CDR-HOME-VISIT',
  'CDR-DESIGNATED-DR',
  'CDR-FAMILY-LEAFLET',
  'CDR-AGENCY-RETURN',
  'CDR-CDRM',
  'CDR-DRAFT-ANALYSIS',
  'CDR-CDOP-REVIEW',
  'CDR-NCMD-SUBMIT',
  'CDR-SI-REFERRAL',
  'CDR-ANNUAL-REPORT',
  'CDR-ACTION-DUE',
  'SI-NOTIFY',
  'SI-PARTNERS',
  'SI-LAC-DEATH',
  'SI-CARE-LEAVER-DEATH',
  'SI-RAPID-REVIEW',
  'SI-LCSPR-INFORM',
  'SI-LCSPR-COMPLETE',
  'SI-LCSPR-PREPUB',
  'SI-LCSPR-AVAILABLE',
  'SI-NATIONAL-COMPLETE',
  'SI-NATIONAL-PREPUB',
  'SI-NATIONAL-AVAILABLE',
  'SI-ACTION-DUE',
  'SP-YEARLY-REPORT',
  'SP-YEARLY-REPORT-SEND',
];

const LOCAL_DEFAULTS = [
  'CDR-NOTIFY',
  'CDR-JAR-DECISION',
  'CDR-JAR-MEETING',
  'CDR-HOME-VISIT',
  'CDR-DESIGNATED-DR',
  'CDR-FAMILY-LEAFLET',
  'CDR-AGENCY-RETURN',
  'CDR-CDRM',
  'CDR-DRAFT-ANALYSIS',
  'CDR-CDOP-REVIEW',
  'CDR-NCMD-SUBMIT',
  'CDR-ANNUAL-REPORT',
  'SI-LCSPR-INFORM',
];

describe('clock rules', () => {
  it('has exactly the rules of the windows file and the action clocks, once each', () => {
    expect(CLOCK_RULES.map((r) => r.id)).toEqual(RULE_IDS);
  });

  it('classes as local defaults only the windows the guidance leaves to local arrangements', () => {
    expect(CLOCK_RULES.filter(canOverride).map((r) => r.id)).toEqual(LOCAL_DEFAULTS);
  });

  it.each(CLOCK_RULES.map((r) => [r.id, r]))('%s is complete and consistent', (id, rule) => {
    expect(rule.process).toBe(id.startsWith('CDR-') ? 'cdr' : id.startsWith('SI-') ? 'si' : 'sp');
    expect(rule.title).not.toBe('');
    expect(rule.owedBy).not.toBe('');
    expect(rule.owedByRoles.length).toBeGreaterThan(0);
    expect(rule.source).toMatch(/WT|guidance/);
    expect(Number.isInteger(rule.window.amount) && rule.window.amount >= 0).toBe(true);
    expect(rule.ruleVersion).toBeGreaterThanOrEqual(1);
    expect(rule.reminderOffsets.beforeWorkingDays).toContain(0);
    expect(clockRule(id)).toBe(rule);
  });

  it('escalates overdue statutory clocks to the owning organisation’s managers, and local defaults to no one', () => {
    expect(clockRule('CDR-SI-REFERRAL').escalateToRoles).toEqual(['cdop-admin']);
    expect(clockRule('SI-NOTIFY').escalateToRoles).toEqual(['partnership-manager', 'dcs']);
    expect(clockRule('SP-YEARLY-REPORT').escalateToRoles).toEqual(['partnership-manager', 'dcs']);
    expect(clockRule('CDR-NOTIFY').escalateToRoles).toEqual([]);
  });

  it('carries the windows of the special cases', () => {
    expect(clockRule('CDR-CDRM').window).toEqual({ amount: 84, unit: 'CD', direction: 'after' });
    expect(clockRule('CDR-SI-REFERRAL').window).toEqual({ amount: 0, unit: 'WD', direction: 'after' });
    expect(clockRule('SI-LCSPR-PREPUB').window).toEqual({ amount: 7, unit: 'WD', direction: 'before' });
    expect(clockRule('SI-LCSPR-AVAILABLE').window).toEqual({ amount: 1, unit: 'Y', direction: 'after' });
    expect(clockRule('SI-NATIONAL-AVAILABLE').window).toEqual({ amount: 3, unit: 'Y', direction: 'after' });
    expect(clockRule('SP-YEARLY-REPORT').window).toEqual({ amount: 6, unit: 'M', direction: 'after' });
  });

  it('starts the right clocks for a recorded event', () => {
    expect(rulesStartedBy('authority-became-aware', 'si').map((r) => r.id)).toEqual([
      'SI-NOTIFY',
      'SI-PARTNERS',
      'SI-LAC-DEATH',
      'SI-CARE-LEAVER-DEATH',
    ]);
    expect(rulesStartedBy('death-notified', 'cdr').map((r) => r.id)).toEqual([
      'CDR-JAR-DECISION',
      'CDR-DESIGNATED-DR',
      'CDR-FAMILY-LEAFLET',
      'CDR-CDRM',
      'CDR-CDOP-REVIEW',
    ]);
    expect(rulesStartedBy('reporting-year-end', 'sp').map((r) => r.id)).toEqual(['SP-YEARLY-REPORT']);
  });

  it.each([
    ['CDR-ACTION-DUE', 'cdr', ['cdop-admin']],
    ['SI-ACTION-DUE', 'si', ['partnership-manager']],
  ] as const)(
    '%s runs to the action’s own due date, reminds two weeks ahead and escalates to no one',
    (id, process, roles) => {
      const rule = clockRule(id);
      expect(rule).toMatchObject({ process, basisEvent: 'action-due-date', kind: 'own-due-date' });
      expect(rule.window).toEqual({ amount: 0, unit: 'CD', direction: 'after' });
      expect(rule.owedByRoles).toEqual(roles);
      expect(rule.escalateToRoles).toEqual([]);
      expect(rule.reminderOffsets.beforeWorkingDays).toEqual([10, 0]);
      expect(canOverride(rule)).toBe(false);
      expect(rulesStartedBy('action-due-date', process)).toEqual([rule]);
    },
  );

  it('names an unknown rule', () => {
    expect(() => clockRule('SI-NOPE')).toThrow(/SI-NOPE/);
  });
});
