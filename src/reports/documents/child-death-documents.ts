import type { CaseView } from '../../child-deaths/case-view';
import type { ChildDeathDocuments } from '../../child-deaths/child-death-documents.service';
import { analysisFormDefinition } from '../../child-deaths/rules/analysis-form';
import { ETHNIC_CATEGORIES, PLACE_OF_DEATH_LABELS } from '../../child-deaths/forms/notification-options';
import type { PdfRequest } from '../pdf.service';
import { pdfFilename } from '../pdf-filename';
import {
  ageText,
  dateText,
  dateTimeText,
  labelOf,
  NOT_RECORDED_TEXT,
  personName,
  rows,
  SummaryRow,
  textOrNotRecorded,
  yesNoText,
} from './format';

/** The child death documents: notification summary, analysis form and CDOP panel pack. */

export type AnalysisFormData = Awaited<ReturnType<ChildDeathDocuments['analysisFormData']>>;
export type PanelPackData = Awaited<ReturnType<ChildDeathDocuments['panelPackData']>>;
type PackAnalysis = AnalysisFormData['analysis'];

const SEX_LABELS: Record<string, string> = {
  male: 'Male',
  female: 'Female',
  indeterminate: 'Indeterminate',
  'not-known': 'Not known',
};

const ANALYSIS_STATUS: Record<string, string> = {
  draft: 'Draft',
  'sent-to-cdop': 'Draft, sent to the CDOP',
  final: 'Final, agreed by the CDOP',
};

interface Answers {
  child?: Record<string, unknown>;
  whereFound?: string;
  circumstancesSummary?: string;
  lookedAfter?: boolean;
  childProtectionPlan?: boolean;
  knownToSocialCare?: boolean;
  postMortemRequired?: boolean;
  coronerInvolved?: boolean;
  otherChildrenInHousehold?: number;
  parentalResponsibility?: { name: string; relationship: string }[];
}

function childRows(view: CaseView): SummaryRow[] {
  const child = (view.answers as Answers).child ?? {};
  const nhs = child.nhsNumber
    ? String(child.nhsNumber)
    : `Not given: ${textOrNotRecorded(child.nhsNumberMissingReason)}`;
  return rows([
    ['Name', personName(child.givenName, child.familyName)],
    ['Date of birth', dateText(view.child.dateOfBirth)],
    ['Sex', labelOf(SEX_LABELS, child.sex)],
    ['NHS number', nhs],
    ['Ethnicity', labelOf(ETHNIC_CATEGORIES, child.ethnicity)],
    ['Postcode', textOrNotRecorded(child.postcode)],
    ['Age at death', ageText(view.ageAtDeath)],
  ]);
}

export function notificationSummary(view: CaseView): PdfRequest {
  const answers = view.answers as Answers;
  const jar = view.jar;
  return {
    template: 'child-death-notification-summary',
    documentType: 'notification-summary',
    title: 'Child death notification summary',
    reference: view.reference,
    filename: pdfFilename('notification-summary', view.reference),
    caseId: view.id,
    organisationIds: [view.owningCdopId, ...view.sharedWithCdops.flatMap((c) => (c ? [c.id] : []))],
    data: {
      caseRows: rows([
        ['Case reference', view.reference],
        ['Status', view.statusLabel],
        ['Reviewing CDOP', view.owningCdop?.name ?? NOT_RECORDED_TEXT],
        ['First notified', dateTimeText(view.notifiedAt)],
        ['Notifications received', String(view.notifications.length)],
      ]),
      childRows: childRows(view),
      deathRows: rows([
        ['Date of death', dateText(view.dateOfDeath)],
        ['Time of death', textOrNotRecorded(view.timeOfDeath)],
        ['Place of death', labelOf(PLACE_OF_DEATH_LABELS, view.placeOfDeath)],
        ['Where found', textOrNotRecorded(answers.whereFound)],
        ['Expected death', yesNoText(view.expected)],
        ['Looked after', yesNoText(view.lookedAfter)],
        ['Child protection plan', yesNoText(answers.childProtectionPlan)],
        ['Known to social care', yesNoText(answers.knownToSocialCare)],
        ['Post-mortem required', yesNoText(answers.postMortemRequired)],
        ['Coroner involved', yesNoText(answers.coronerInvolved)],
        ['Other children in the household', textOrNotRecorded(answers.otherChildrenInHousehold)],
      ]),
      circumstances: textOrNotRecorded(answers.circumstancesSummary),
      parentalResponsibility: answers.parentalResponsibility ?? [],
      jar: {
        required: yesNoText(jar.required),
        criteria: jar.evaluation.explanations.map((e) => e.text),
        decision: jar.decision
          ? `${jar.decision.outcome === 'overridden' ? 'Overridden' : 'Confirmed'} by ${jar.decision.decidedByName} on ` +
            `${dateTimeText(jar.decision.decidedAt)}${jar.decision.reason ? `: ${jar.decision.reason}` : ''}`
          : 'Not yet confirmed by the designated doctor',
      },
      notifications: view.notifications.map((n) => ({
        at: dateTimeText(n.notifiedAt),
        name: n.notifier.name,
        role: n.notifier.role,
        organisation: n.notifier.organisation,
      })),
      professionals: view.professionals,
      keyWorker: view.keyWorker
        ? `${view.keyWorker.name}, ${view.keyWorker.role}, ${view.keyWorker.organisation}`
        : 'Not yet named',
    },
  };
}

function scoreText(score: unknown, definition: AnalysisFormData['definition']): string {
  const meaning = definition?.scores.find((s) => s.score === score)?.meaning;
  return meaning ? `${String(score)}: ${meaning}` : textOrNotRecorded(score);
}

/** The analysis form as the `analysis-form-body` partial prints it, for the form and for the pack. */
function analysisBody(view: CaseView, analysis: PackAnalysis, definition: AnalysisFormData['definition']) {
  const answers = analysis.answers;
  const recorded = new Map((answers.domains ?? []).map((d) => [d.domain, d.factors]));
  const letters = definition?.domains.map((d) => d.domain) ?? [...recorded.keys()];
  const modifiable = definition?.modifiableFactorsOptions.find(
    (o) => o.value === answers.modifiableFactors,
  )?.label;
  const child = (view.answers as Answers).child ?? {};
  return {
    summaryRows: rows([
      ['Case reference', view.reference],
      ['Child', personName(child.givenName, child.familyName)],
      ['Date of birth', dateText(view.child.dateOfBirth)],
      ['Date of death', dateText(view.dateOfDeath)],
      ['Age at death', ageText(view.ageAtDeath)],
      ['Reviewing CDOP', view.owningCdop?.name ?? NOT_RECORDED_TEXT],
      ['Form version', analysis.formVersion],
      ['Status', ANALYSIS_STATUS[analysis.status] ?? analysis.status],
      ...(analysis.reviewedOn
        ? ([['Agreed by the CDOP on', dateText(analysis.reviewedOn)]] as [string, string][])
        : []),
    ]),
    causeOfDeath: textOrNotRecorded(answers.causeOfDeath),
    icd10Codes: (answers.icd10Codes ?? []).join(', ') || NOT_RECORDED_TEXT,
    domains: letters.map((letter) => ({
      letter,
      label: analysis.domainLabels[letter] ?? `Domain ${letter}`,
      factors: (recorded.get(letter) ?? []).map((f) => ({
        code: f.code ?? '',
        label: textOrNotRecorded(f.label),
        score: scoreText(f.score, definition),
        modifiable: yesNoText(f.modifiable),
      })),
    })),
    outcomeRows: rows([
      ['Modifiable factors', modifiable ?? NOT_RECORDED_TEXT],
      [
        'Primary category of death',
        analysis.primaryCategoryLabel
          ? `${answers.primaryCategory}. ${analysis.primaryCategoryLabel}`
          : NOT_RECORDED_TEXT,
      ],
      ['Other categories', analysis.otherCategoryLabels.join('; ') || 'None'],
      ['Expected death', yesNoText(view.expected)],
      ['Referred to the safeguarding partners or the Panel', yesNoText(answers.referredToSafeguarding)],
    ]),
    learningPoints: (answers.learningPoints ?? []).filter((p) => p.trim()),
    actions: (answers.actions ?? []).map((a) => ({
      owner: textOrNotRecorded(a.owner),
      description: textOrNotRecorded(a.description),
      due: dateText(a.dueDate),
    })),
  };
}

/** "DRAFT" until the CDOP agrees the form; then the date it was agreed, so a draft is never mistaken for it. */
export function analysisWatermark(analysis: { status: string; reviewedOn: string | null }): string {
  return analysis.status === 'final' && analysis.reviewedOn
    ? `FINAL — agreed by CDOP on ${dateText(analysis.reviewedOn)}`
    : 'DRAFT';
}

export function analysisForm(data: AnalysisFormData): PdfRequest {
  const view = data.case;
  return {
    template: 'analysis-form',
    documentType: 'analysis-form',
    title: 'Child death analysis form',
    reference: view.reference,
    filename: pdfFilename('analysis-form', view.reference),
    watermark: analysisWatermark(data.analysis),
    caseId: view.id,
    organisationIds: [view.owningCdopId],
    auditDetails: { analysisStatus: data.analysis.status, formVersion: data.analysis.formVersion },
    data: { analysis: analysisBody(view, data.analysis, data.definition) },
  };
}

const OUTCOME_LABELS: Record<string, string> = {
  'analysis-agreed': 'Analysis agreed',
  deferred: 'Deferred',
  'more-information-needed': 'More information needed',
};

export function panelPack(data: PanelPackData): PdfRequest {
  const { meeting } = data;
  const reference = `PANEL-${meeting.meetingOn}`;
  return {
    template: 'panel-pack',
    documentType: 'panel-pack',
    title: 'CDOP panel pack',
    reference,
    filename: pdfFilename('panel-pack', meeting.meetingOn),
    organisationIds: meeting.cdop ? [meeting.cdop.id] : [],
    auditDetails: { panelMeetingId: meeting.id, cases: data.cases.length },
    data: {
      meetingRows: rows([
        ['CDOP', meeting.cdop?.name ?? NOT_RECORDED_TEXT],
        ['Meeting date', dateText(meeting.meetingOn)],
        ['Location', textOrNotRecorded(meeting.location)],
        ['Cases on the agenda', String(data.cases.length)],
      ]),
      agenda: data.cases.map((item, i) => ({
        number: i + 1,
        reference: item.case.reference,
        status: item.analysis
          ? (ANALYSIS_STATUS[item.analysis.status] ?? item.analysis.status)
          : 'No analysis drafted',
        outcome: item.outcome ? OUTCOME_LABELS[item.outcome] : 'To be agreed',
      })),
      cases: data.cases.map((item, i) => ({
        number: i + 1,
        reference: item.case.reference,
        analysis: item.analysis
          ? analysisBody(item.case, item.analysis, analysisFormDefinition(item.analysis.formVersion) ?? null)
          : null,
      })),
    },
  };
}
