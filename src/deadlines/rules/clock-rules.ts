/**
 * Every statutory and operational window of shared/domain/statutory-windows.md, as data to be read beside
 * Working Together 2026 ("WT", by paragraph). A clock on a case is one of these rules started by its
 * basis event; ruleVersion changes whenever a window changes so that a running clock keeps the version
 * it was started under.
 */
import type { Role } from '../../identity/permissions';

export type ClockProcess = 'cdr' | 'si' | 'sp';

/** WD working days, CD calendar days, H exact hours, M calendar months, Y calendar years. */
export type ClockUnit = 'WD' | 'CD' | 'H' | 'M' | 'Y';

/**
 * 'statutory': set by the Act, regulations or statutory guidance, so no one may change the window (it
 * may only be paused with a reason). 'local-default': the guidance leaves it to local arrangements, so a
 * CDOP or a safeguarding partnership may set its own amount. 'own-due-date': the clock runs to the due date
 * its owner gave a tracked action, so there is no window to set and nothing to escalate.
 */
export type RuleKind = 'statutory' | 'local-default' | 'own-due-date';

/** What is recorded on a case (or, for the yearly reports, on the calendar) to start a clock. */
export type BasisEvent =
  | 'death-became-known'
  | 'death-registered'
  | 'coroner-decided-to-investigate'
  | 'death-notified'
  | 'jar-decided'
  | 'reporting-form-requested'
  | 'cdrm-held'
  | 'cdop-review-completed'
  | 'abuse-or-neglect-evidence-recorded'
  | 'reporting-year-end'
  | 'authority-became-aware'
  | 'si-notification-submitted'
  | 'lcspr-decided'
  | 'lcspr-planned-publication'
  | 'lcspr-published'
  | 'national-review-decided'
  | 'national-review-planned-publication'
  | 'national-review-published'
  | 'yearly-report-published'
  | 'action-due-date';

export type ClockRuleId =
  | 'CDR-NOTIFY'
  | 'CDR-REGISTRAR'
  | 'CDR-CORONER'
  | 'CDR-JAR-DECISION'
  | 'CDR-JAR-MEETING'
  | 'CDR-HOME-VISIT'
  | 'CDR-DESIGNATED-DR'
  | 'CDR-FAMILY-LEAFLET'
  | 'CDR-AGENCY-RETURN'
  | 'CDR-CDRM'
  | 'CDR-DRAFT-ANALYSIS'
  | 'CDR-CDOP-REVIEW'
  | 'CDR-NCMD-SUBMIT'
  | 'CDR-SI-REFERRAL'
  | 'CDR-ANNUAL-REPORT'
  | 'CDR-ACTION-DUE'
  | 'SI-NOTIFY'
  | 'SI-PARTNERS'
  | 'SI-LAC-DEATH'
  | 'SI-CARE-LEAVER-DEATH'
  | 'SI-RAPID-REVIEW'
  | 'SI-LCSPR-INFORM'
  | 'SI-LCSPR-COMPLETE'
  | 'SI-LCSPR-PREPUB'
  | 'SI-LCSPR-AVAILABLE'
  | 'SI-NATIONAL-COMPLETE'
  | 'SI-NATIONAL-PREPUB'
  | 'SI-NATIONAL-AVAILABLE'
  | 'SI-ACTION-DUE'
  | 'SP-YEARLY-REPORT'
  | 'SP-YEARLY-REPORT-SEND';

export interface ClockWindow {
  amount: number;
  unit: ClockUnit;
  /** 'before' counts backwards from a planned date: the due date is the last day the action is in time. */
  direction: 'after' | 'before';
}

export interface ClockRule {
  id: ClockRuleId;
  /** What must be done, as a reminder or a deadline list would say it. */
  title: string;
  process: ClockProcess;
  basisEvent: BasisEvent;
  window: ClockWindow;
  /** Who owes the action, in the guidance's words; often someone outside the portal. */
  owedBy: string;
  /** Portal users reminded while the clock runs. */
  owedByRoles: readonly Role[];
  /** Managers told when the clock is overdue; only statutory clocks escalate. */
  escalateToRoles: readonly Role[];
  kind: RuleKind;
  source: string;
  /** Working days before the due date on which to remind; 0 is the due date itself. */
  reminderOffsets: { beforeWorkingDays: readonly number[] };
  ruleVersion: number;
}

// Hour clocks are over within a day or two, so the only useful reminder is on the due date; clocks of
// months and years need warning weeks ahead.
const SHORT = { beforeWorkingDays: [0] };
const USUAL = { beforeWorkingDays: [2, 0] };
const LONG = { beforeWorkingDays: [20, 5, 0] };
// An action is first brought up about two weeks ahead, as the trackers' "due soon" lists do.
const ACTION = { beforeWorkingDays: [10, 0] };
// The action's own due date is the basis date, so the clock is due on it.
const ON_THE_DAY = { amount: 0, unit: 'CD', direction: 'after' } as const;

const after = (amount: number, unit: ClockUnit): ClockWindow => ({ amount, unit, direction: 'after' });
const before = (amount: number, unit: ClockUnit): ClockWindow => ({ amount, unit, direction: 'before' });

type RuleDefinition = Omit<ClockRule, 'process' | 'escalateToRoles' | 'reminderOffsets' | 'ruleVersion'> &
  Partial<Pick<ClockRule, 'reminderOffsets'>>;

/** The owning organisation's managers take overdue statutory clocks (issue 5, "Reminders and escalation"). */
const rulesOf =
  (process: ClockProcess, managers: readonly Role[]) =>
  (rule: RuleDefinition): ClockRule => ({
    process,
    escalateToRoles: rule.kind === 'statutory' ? managers : [],
    reminderOffsets: USUAL,
    ruleVersion: 1,
    ...rule,
  });
const cdr = rulesOf('cdr', ['cdop-admin']);
const si = rulesOf('si', ['partnership-manager', 'dcs']);
const sp = rulesOf('sp', ['partnership-manager', 'dcs']);

export const CLOCK_RULES: readonly ClockRule[] = [
  cdr({
    id: 'CDR-NOTIFY',
    title: 'Notify the child death to the CDOP',
    basisEvent: 'death-became-known',
    window: after(48, 'H'),
    owedBy: 'any practitioner, via the CDOP administrator',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 447',
    reminderOffsets: SHORT,
  }),
  cdr({
    id: 'CDR-REGISTRAR',
    title: 'Registrar sends the death registration details to the CDR partners',
    basisEvent: 'death-registered',
    window: after(7, 'CD'),
    owedBy: 'the registrar, to the CDR partners',
    owedByRoles: ['cdop-admin'],
    kind: 'statutory',
    source: 'WT chapter 6, "Specific responsibilities"',
  }),
  cdr({
    id: 'CDR-CORONER',
    title: 'Coroner informs the CDR partners of the investigation or post-mortem',
    basisEvent: 'coroner-decided-to-investigate',
    window: after(3, 'WD'),
    owedBy: 'the coroner, to the CDR partners where the child died or was found',
    owedByRoles: ['cdop-admin'],
    kind: 'statutory',
    source: 'WT chapter 6, "Specific responsibilities"',
  }),
  cdr({
    id: 'CDR-JAR-DECISION',
    title: 'Decide whether a joint agency response is needed',
    basisEvent: 'death-notified',
    window: after(4, 'H'),
    owedBy: 'the on-call clinician with the police',
    owedByRoles: ['designated-doctor'],
    kind: 'local-default',
    source: 'WT 449',
    reminderOffsets: SHORT,
  }),
  cdr({
    id: 'CDR-JAR-MEETING',
    title: 'Hold the joint agency response information-sharing and planning discussion',
    basisEvent: 'jar-decided',
    window: after(1, 'WD'),
    owedBy: 'the joint agency response professionals',
    owedByRoles: ['designated-doctor'],
    kind: 'local-default',
    source: 'SUDIC guidance 2016, via WT 449',
  }),
  cdr({
    id: 'CDR-HOME-VISIT',
    title: 'Visit the place where the child died',
    basisEvent: 'jar-decided',
    window: after(24, 'H'),
    owedBy: 'the police investigator with the joint agency response clinician, where appropriate',
    owedByRoles: ['designated-doctor'],
    kind: 'local-default',
    source: 'SUDIC guidance 2016 (Sudden and unexpected death in infancy and childhood)',
    reminderOffsets: SHORT,
  }),
  cdr({
    id: 'CDR-DESIGNATED-DR',
    title: 'Notify the designated doctor for child deaths and send the information',
    basisEvent: 'death-notified',
    window: after(1, 'WD'),
    owedBy: 'the CDOP administrator',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 438',
  }),
  cdr({
    id: 'CDR-FAMILY-LEAFLET',
    title: 'Name a key worker for the family and offer the "When a child dies" guide',
    basisEvent: 'death-notified',
    window: after(2, 'WD'),
    owedBy: 'the key worker',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 432',
  }),
  cdr({
    id: 'CDR-AGENCY-RETURN',
    title: 'Agency returns its reporting form (and supplementary form)',
    basisEvent: 'reporting-form-requested',
    window: after(20, 'WD'),
    owedBy: 'each agency asked for a reporting form (the duty to comply is statutory: WT 439)',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 439, 446',
  }),
  cdr({
    id: 'CDR-CDRM',
    title:
      'Hold the child death review meeting (give at least a month’s notice; wait for the post-mortem report)',
    basisEvent: 'death-notified',
    window: after(84, 'CD'),
    owedBy: 'the CDOP administrator',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 453; NCMD guidance',
    reminderOffsets: { beforeWorkingDays: [10, 2, 0] },
  }),
  cdr({
    id: 'CDR-DRAFT-ANALYSIS',
    title: 'Send the draft analysis form to the CDOP',
    basisEvent: 'cdrm-held',
    window: after(10, 'WD'),
    owedBy: 'the chair of the child death review meeting',
    owedByRoles: ['designated-doctor'],
    kind: 'local-default',
    source: 'WT 453',
  }),
  cdr({
    id: 'CDR-CDOP-REVIEW',
    title: 'CDOP completes its review',
    basisEvent: 'death-notified',
    window: after(6, 'M'),
    owedBy: 'the CDOP',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 454',
    reminderOffsets: LONG,
  }),
  cdr({
    id: 'CDR-NCMD-SUBMIT',
    title: 'Send the complete analysis data to the NCMD',
    basisEvent: 'cdop-review-completed',
    window: after(5, 'WD'),
    owedBy: 'the CDOP administrator',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 444, 455',
  }),
  cdr({
    id: 'CDR-SI-REFERRAL',
    title: 'Inform the safeguarding partners and the Panel: open a serious incident notification',
    basisEvent: 'abuse-or-neglect-evidence-recorded',
    window: after(0, 'WD'),
    owedBy: 'the CDOP, immediately',
    owedByRoles: ['cdop-admin'],
    kind: 'statutory',
    source: 'WT 452',
    reminderOffsets: SHORT,
  }),
  cdr({
    id: 'CDR-ANNUAL-REPORT',
    title: 'Publish the CDR partners’ report on what was done and how effective it was',
    basisEvent: 'reporting-year-end',
    window: after(6, 'M'),
    owedBy: 'the CDR partners',
    owedByRoles: ['cdop-admin'],
    kind: 'local-default',
    source: 'WT 456; chapter 6, "Statutory requirements"',
    reminderOffsets: LONG,
  }),
  cdr({
    id: 'CDR-ACTION-DUE',
    title: 'Complete an action agreed at the CDOP review',
    basisEvent: 'action-due-date',
    window: ON_THE_DAY,
    owedBy: 'the action’s owner; the CDOP administrator tracks it',
    owedByRoles: ['cdop-admin'],
    kind: 'own-due-date',
    source: 'WT 454 and chapter 6, "Statutory requirements"',
    reminderOffsets: ACTION,
  }),
  si({
    id: 'SI-NOTIFY',
    title: 'Notify the serious incident to the Panel, the DfE and Ofsted',
    basisEvent: 'authority-became-aware',
    window: after(5, 'WD'),
    owedBy: 'the local authority (the DCS signs off its quality)',
    owedByRoles: ['la-notifier', 'dcs'],
    kind: 'statutory',
    source: 'WT 372, 385',
  }),
  si({
    id: 'SI-PARTNERS',
    title: 'Inform the safeguarding partners (and other areas involved)',
    basisEvent: 'authority-became-aware',
    window: after(5, 'WD'),
    owedBy: 'the local authority',
    owedByRoles: ['la-notifier'],
    kind: 'statutory',
    source: 'WT 370–371, 388',
  }),
  si({
    id: 'SI-LAC-DEATH',
    title: 'Notify the death of a looked after child to the Secretary of State and Ofsted',
    basisEvent: 'authority-became-aware',
    window: after(5, 'WD'),
    owedBy: 'the local authority',
    owedByRoles: ['la-notifier'],
    kind: 'statutory',
    source: 'WT 381',
  }),
  si({
    id: 'SI-CARE-LEAVER-DEATH',
    title:
      'Notify the death of a care leaver aged up to and including 24 to the Secretary of State and Ofsted',
    basisEvent: 'authority-became-aware',
    window: after(5, 'WD'),
    owedBy: 'the local authority',
    owedByRoles: ['la-notifier'],
    kind: 'statutory',
    source: 'WT 382–384',
  }),
  si({
    id: 'SI-RAPID-REVIEW',
    title: 'Send the rapid review to the Panel',
    basisEvent: 'si-notification-submitted',
    window: after(15, 'WD'),
    owedBy: 'the safeguarding partners',
    owedByRoles: ['safeguarding-partner', 'partnership-manager'],
    // Guidance, not statute, but a national expectation of the Panel rather than a local choice.
    kind: 'statutory',
    source: 'WT 385 and the summary after 428 (guidance, non-statutory)',
  }),
  si({
    id: 'SI-LCSPR-INFORM',
    title: 'Tell the Panel, Ofsted and the DfE of the LCSPR, naming the commissioned reviewer',
    basisEvent: 'lcspr-decided',
    window: after(5, 'WD'),
    owedBy: 'the safeguarding partners ("as soon as")',
    owedByRoles: ['partnership-manager'],
    kind: 'local-default',
    source: 'WT 393',
  }),
  si({
    id: 'SI-LCSPR-COMPLETE',
    title:
      'Complete and publish the LCSPR (a delay needs reasons sent to the Panel and the Secretary of State)',
    basisEvent: 'lcspr-decided',
    window: after(6, 'M'),
    owedBy: 'the safeguarding partners',
    owedByRoles: ['partnership-manager', 'safeguarding-partner'],
    kind: 'statutory',
    source: 'WT 385, 408',
    reminderOffsets: LONG,
  }),
  si({
    id: 'SI-LCSPR-PREPUB',
    title:
      'Send the full LCSPR (or the improvements information) to the Panel, the Secretary of State and Ofsted',
    basisEvent: 'lcspr-planned-publication',
    window: before(7, 'WD'),
    owedBy: 'the safeguarding partners',
    owedByRoles: ['partnership-manager'],
    kind: 'statutory',
    source: 'WT 407',
  }),
  si({
    id: 'SI-LCSPR-AVAILABLE',
    // "At least" a year: the due date is the first day the report may come down.
    title: 'Keep the published LCSPR publicly available for at least a year',
    basisEvent: 'lcspr-published',
    window: after(1, 'Y'),
    owedBy: 'the safeguarding partners',
    owedByRoles: ['partnership-manager'],
    kind: 'statutory',
    source: 'WT 405',
    reminderOffsets: LONG,
  }),
  si({
    id: 'SI-NATIONAL-COMPLETE',
    title: 'Publish the national review (delay reasons to the Secretary of State)',
    basisEvent: 'national-review-decided',
    window: after(6, 'M'),
    owedBy: 'the Child Safeguarding Practice Review Panel',
    owedByRoles: ['partnership-manager'],
    kind: 'statutory',
    source: 'WT 427',
    reminderOffsets: LONG,
  }),
  si({
    id: 'SI-NATIONAL-PREPUB',
    title: 'Send the full national review report to the Secretary of State',
    basisEvent: 'national-review-planned-publication',
    window: before(7, 'WD'),
    owedBy: 'the Child Safeguarding Practice Review Panel',
    owedByRoles: ['partnership-manager'],
    kind: 'statutory',
    source: 'WT 426',
  }),
  si({
    id: 'SI-NATIONAL-AVAILABLE',
    title: 'Keep the national review report publicly available for at least three years',
    basisEvent: 'national-review-published',
    window: after(3, 'Y'),
    owedBy: 'the Child Safeguarding Practice Review Panel',
    owedByRoles: ['partnership-manager'],
    kind: 'statutory',
    source: 'WT 426',
    reminderOffsets: LONG,
  }),
  si({
    id: 'SI-ACTION-DUE',
    title: 'Complete an action of a review’s recommendation',
    basisEvent: 'action-due-date',
    window: ON_THE_DAY,
    owedBy: 'the action’s owner agency; the partnership manager tracks it',
    owedByRoles: ['partnership-manager'],
    kind: 'own-due-date',
    source: 'WT 410',
    reminderOffsets: ACTION,
  }),
  sp({
    id: 'SP-YEARLY-REPORT',
    // 6 months from 31 March is 30 September: the guidance's "by the end of September".
    title: 'Publish the safeguarding partners’ yearly report',
    basisEvent: 'reporting-year-end',
    window: after(6, 'M'),
    owedBy: 'the safeguarding partners',
    owedByRoles: ['partnership-manager', 'safeguarding-partner'],
    kind: 'statutory',
    source: 'WT 112–115',
    reminderOffsets: LONG,
  }),
  sp({
    id: 'SP-YEARLY-REPORT-SEND',
    title: 'Send a copy of the yearly report to the Panel and the DfE MASA unit',
    basisEvent: 'yearly-report-published',
    window: after(7, 'CD'),
    owedBy: 'the safeguarding partners',
    owedByRoles: ['partnership-manager'],
    kind: 'statutory',
    source: 'WT 115',
  }),
];

const BY_ID = new Map(CLOCK_RULES.map((rule) => [rule.id, rule]));

export function clockRule(id: string): ClockRule {
  const rule = BY_ID.get(id as ClockRuleId);
  if (!rule) throw new RangeError(`No clock rule ${JSON.stringify(id)}`);
  return rule;
}

/** The rules a recorded event starts, for one process (two processes share 'reporting-year-end'). */
export function rulesStartedBy(event: BasisEvent, process: ClockProcess): ClockRule[] {
  return CLOCK_RULES.filter((rule) => rule.basisEvent === event && rule.process === process);
}

/** Only local defaults may be changed by a CDOP or partnership; statutory windows may only be paused. */
export function canOverride(rule: ClockRule): boolean {
  return rule.kind === 'local-default';
}
