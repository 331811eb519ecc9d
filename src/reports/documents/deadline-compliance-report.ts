import type { IsoDate } from '../../calendar/iso-date';
import { barChart } from '../charts/bar-chart';
import type { PdfRequest } from '../pdf.service';
import { pdfFilename } from '../pdf-filename';
import {
  ComplianceClock,
  ComplianceSummary,
  percentText,
  RuleCompliance,
} from '../statistics/deadline-compliance';
import { dateText, dateTimeText, rows } from './format';
import type { ReportOrganisation } from './annual-reports';

/** Every clock due in the period with its outcome, and the share met on time per rule. */

const STATUS_TEXT: Record<string, string> = {
  met: 'Met',
  'met-late': 'Met late',
  overdue: 'Overdue',
  pending: 'Not yet due',
  paused: 'Paused',
  'not-applicable': 'Not applicable',
};

const PAUSE_REASONS: Record<string, string> = {
  'post-mortem-awaited': 'post-mortem report awaited',
  inquest: 'inquest',
  'criminal-investigation-or-prosecution': 'criminal investigation or prosecution',
  'family-proceedings': 'family proceedings',
  other: 'other',
};

function pauseText(pause: ComplianceClock['pauses'][number]): string {
  const reason = PAUSE_REASONS[pause.reason] ?? pause.reason;
  const why = pause.text ? `${reason}: ${pause.text}` : reason;
  return pause.to
    ? `Paused ${dateText(pause.from)} to ${dateText(pause.to)} (${why})`
    : `Paused since ${dateText(pause.from)} (${why})`;
}

function recomputedText(change: ComplianceClock['recomputations'][number]): string {
  const holiday = change.holiday ? ` (${change.holiday.name}, ${dateText(change.holiday.date)})` : '';
  return (
    `Recomputed after a bank holiday change${holiday} on ${dateText(change.at)}: ` +
    `due ${dateText(change.dueDateBefore)} became ${dateText(change.dueDateAfter)}`
  );
}

function ruleRow(rule: RuleCompliance) {
  return {
    rule: rule.rule,
    title: rule.title,
    cells: [rule.due, rule.met, rule.metLate, rule.overdue, rule.open].map(String),
    share: percentText(rule.shareOnTime),
  };
}

export function deadlineComplianceReport(
  summary: ComplianceSummary,
  organisation: ReportOrganisation,
  period: { from: IsoDate; to: IsoDate },
): PdfRequest {
  const label = `${period.from} to ${period.to}`;
  const decided = summary.rules.filter((r) => r.shareOnTime !== null);
  return {
    template: 'deadline-compliance',
    documentType: 'deadline-compliance',
    title: 'Deadline compliance report',
    reference: `Deadlines ${label}`,
    filename: pdfFilename('deadline-compliance', label),
    organisationIds: [organisation.id],
    auditDetails: { from: period.from, to: period.to, clocks: summary.clocks.length },
    data: {
      summaryRows: rows([
        ['Organisation', organisation.name],
        ['Period', `${dateText(period.from)} to ${dateText(period.to)}`],
        ['Clocks due in the period', String(summary.overall.due)],
        [
          'Met on time',
          `${summary.overall.met} (${percentText(summary.overall.shareOnTime)} of those with an outcome)`,
        ],
        ['Met late', String(summary.overall.metLate)],
        ['Overdue', String(summary.overall.overdue)],
        ['Not yet due or paused', String(summary.overall.open)],
      ]),
      rules: summary.rules.map(ruleRow),
      overall: ruleRow(summary.overall),
      chart: decided.length
        ? barChart({
            id: 'chart-on-time',
            title: 'Share met on time, by rule',
            description: `Bar chart. ${decided.map((r) => `${r.rule}: ${percentText(r.shareOnTime)}`).join('; ')}.`,
            bars: decided.map((r) => ({
              label: r.rule,
              value: Math.round(r.shareOnTime! * 100),
              valueText: percentText(r.shareOnTime),
            })),
          })
        : null,
      clocks: summary.clocks.map((clock) => ({
        reference: clock.caseReference,
        rule: clock.rule,
        subject: clock.subject ?? '',
        basis: dateText(clock.basisDate),
        due: clock.dueAt ? dateTimeText(clock.dueAt) : dateText(clock.dueDate),
        status: STATUS_TEXT[clock.status] ?? clock.status,
        completed: clock.completedAt ? dateTimeText(clock.completedAt) : '',
        notes: [...clock.pauses.map(pauseText), ...clock.recomputations.map(recomputedText)],
        recomputed: clock.recomputations.length > 0,
      })),
    },
  };
}
