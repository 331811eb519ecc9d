import type { IsoDate } from '../../calendar/iso-date';
import type { LcsprView } from '../../serious-incidents/lcspr/lcspr-view';
import type { NationalNotificationExport } from '../../serious-incidents/national-export.service';
import type { RapidReviewView } from '../../serious-incidents/rapid-review/rapid-review-view';
import { LCSPR_CRITERIA } from '../../serious-incidents/rules/lcspr';
import type { SeriousIncident } from '../../serious-incidents/serious-incident.entity';
import type { PdfRequest } from '../pdf.service';
import { pdfFilename } from '../pdf-filename';
import {
  dateText,
  labelOf,
  NOT_RECORDED_TEXT,
  personName,
  rows,
  textOrNotRecorded,
  yesNoText,
} from './format';

/** The serious incident documents: the notification, the rapid review and the LCSPR pre-publication letter. */

const INCIDENT_TYPE_LABELS: Record<string, string> = {
  death: 'Death',
  'serious-harm': 'Serious harm',
  other: 'Other',
};

const ABUSE_OR_NEGLECT_LABELS: Record<string, string> = {
  known: 'Known',
  suspected: 'Suspected',
  'not-suspected': 'Not suspected',
};

const LOCATION_LABELS: Record<string, string> = {
  'in-area': 'In the local authority area',
  'outside-england': 'Outside England (child normally resident in the area)',
  'elsewhere-in-england': 'Elsewhere in England',
};

const PARTNER_LABELS: Record<string, string> = {
  'local-authority': 'Local authority',
  icb: 'Integrated care board',
  police: 'Police',
};

const PANEL_DECISIONS: Record<string, string> = {
  'national-review': 'The Panel will carry out a national review',
  'local-review': 'The Panel considers a local review more appropriate',
  'no-further-review': 'No further review',
};

export interface IncidentContext {
  incident: SeriousIncident;
  organisationIds: string[];
  localAuthorityName: string;
  partnershipName: string | null;
}

function incidentRows({ incident, localAuthorityName }: IncidentContext) {
  return rows([
    ['Incident reference', incident.reference],
    ['National reference', textOrNotRecorded(incident.nationalReference)],
    ['Notifying local authority', localAuthorityName],
    ['Type', labelOf(INCIDENT_TYPE_LABELS, incident.type)],
    ['Local authority became aware on', dateText(incident.becameAwareOn)],
    ['Notification sent to the Panel on', dateText(incident.submittedOn)],
  ]);
}

/** The notification laid out as the national notification service asks for it, field by field. */
export function incidentNotification(
  national: NationalNotificationExport,
  context: IncidentContext,
): PdfRequest {
  return {
    template: 'serious-incident-notification',
    documentType: 'serious-incident-notification',
    title: 'Serious incident notification',
    reference: national.reference,
    filename: pdfFilename('serious-incident-notification', national.reference),
    caseId: context.incident.id,
    organisationIds: context.organisationIds,
    data: {
      incidentRows: rows([
        ['Incident reference', national.reference],
        ['National reference', textOrNotRecorded(national.nationalReference)],
        ['Notifying local authority', national.localAuthority],
        ['Date the local authority became aware', dateText(national.becameAwareOn)],
        ['Date of the incident', dateText(national.incidentDate)],
        ['Type of incident', labelOf(INCIDENT_TYPE_LABELS, national.type)],
        ...(national.type === 'other'
          ? ([['Why it is notified as "other"', textOrNotRecorded(national.otherRationale)]] as [
              string,
              string,
            ][])
          : []),
        ['Abuse or neglect', labelOf(ABUSE_OR_NEGLECT_LABELS, national.abuseOrNeglect)],
        ['Where it happened', labelOf(LOCATION_LABELS, national.location)],
        ['Number of children', String(national.numberOfChildren)],
      ]),
      summary: textOrNotRecorded(national.summary),
      children: national.children.map((child) => ({
        number: child.childNumber,
        rows: rows([
          ['Name', child.identityKnown ? personName(child.givenName, child.familyName) : 'Not yet known'],
          ['Date of birth', dateText(child.dateOfBirth)],
          ['Age', child.ageYears === null ? NOT_RECORDED_TEXT : String(child.ageYears)],
          ['Sex', textOrNotRecorded(child.sex)],
          ['Legal status', child.legalStatus],
          ['Home local authority', textOrNotRecorded(child.homeLocalAuthority)],
        ]),
      })),
      furtherChildren: national.furtherChildren,
      status: national.status === 'submitted' ? 'Sent to the Panel' : 'Not yet sent to the Panel',
    },
  };
}

/** The rapid review report, in the five sections of its purpose (WT 392–393). */
export function rapidReviewReport(review: RapidReviewView, context: IncidentContext): PdfRequest {
  const { incident } = context;
  const safety = review.immediateSafetyActions;
  return {
    template: 'rapid-review',
    documentType: 'rapid-review',
    title: 'Rapid review',
    reference: incident.reference,
    filename: pdfFilename('rapid-review', incident.reference),
    caseId: incident.id,
    organisationIds: context.organisationIds,
    watermark: review.submittedOn ? undefined : 'DRAFT',
    data: {
      incidentRows: [
        ...incidentRows(context),
        ...rows([
          ['Safeguarding partnership', context.partnershipName ?? NOT_RECORDED_TEXT],
          [
            'Rapid review sent to the Panel on',
            review.submittedOn ? dateText(review.submittedOn) : 'Not yet sent',
          ],
        ]),
      ],
      facts: textOrNotRecorded(review.facts),
      agencyInvolvement: review.agencyInvolvement,
      safetyActionsAnswered: safety !== null,
      safetyActions: (safety ?? []).map((a) => ({
        action: a.action,
        owner: a.owner,
        due: a.dueDate ? dateText(a.dueDate) : 'No date set',
      })),
      learning: textOrNotRecorded(review.learning),
      decisionRows: rows([
        ['LCSPR recommended', yesNoText(review.lcsprRecommended)],
        ['Rationale', textOrNotRecorded(review.lcsprRationale)],
        ['National review may be appropriate', yesNoText(review.nationalReviewMayBeAppropriate)],
        ['Why', textOrNotRecorded(review.nationalReviewRationale)],
      ]),
      lcsprCriteria: LCSPR_CRITERIA.map((c) => ({
        text: c.text,
        applies: review.lcsprCriteria.includes(c.id) ? 'Applies' : 'Does not apply',
      })),
      signOffs: (['local-authority', 'icb', 'police'] as const).map((partner) => {
        const signed = review.signOffs.find((s) => s.partner === partner);
        return {
          partner: PARTNER_LABELS[partner],
          agreedBy: signed?.agreedByName ?? 'Not yet signed off',
          on: signed ? dateText(signed.signedOn) : '',
        };
      }),
      familyRows: rows([
        ['Family told on', dateText(review.familyInformed?.on)],
        ['How', textOrNotRecorded(review.familyInformed?.how)],
      ]),
      panelReply: review.panelReply
        ? rows([
            ['Reply received on', dateText(review.panelReply.receivedOn)],
            ['Summary', textOrNotRecorded(review.panelReply.summary)],
            ['National review decision', labelOf(PANEL_DECISIONS, review.panelReply.nationalReviewDecision)],
          ])
        : null,
    },
  };
}

export interface LetterDates {
  /** SI-LCSPR-PREPUB: 7 working days before the planned publication date (WT 407). */
  sendBy: IsoDate;
  /** SI-LCSPR-COMPLETE: 6 months from the decision to initiate, pauses included (WT 408). */
  publicationDue: IsoDate;
  today: IsoDate;
}

/** The covering letter that sends the final LCSPR report to the Panel and the Secretary of State (WT 407). */
export function prePublicationLetter(
  lcspr: LcsprView,
  context: IncidentContext,
  dates: LetterDates,
): PdfRequest {
  const { incident } = context;
  const { publication } = lcspr;
  const planned = publication.plannedPublicationDate!;
  const late = planned > dates.publicationDue;
  return {
    template: 'lcspr-pre-publication-letter',
    documentType: 'lcspr-pre-publication-letter',
    title: 'Local child safeguarding practice review: report before publication',
    reference: incident.reference,
    filename: pdfFilename('lcspr-pre-publication-letter', incident.reference),
    caseId: incident.id,
    organisationIds: context.organisationIds,
    data: {
      date: dateText(dates.today),
      from: context.partnershipName ?? `${context.localAuthorityName} safeguarding partners`,
      reference: incident.reference,
      nationalReference: incident.nationalReference,
      decidedOn: dateText(lcspr.decidedOn),
      reviewers: publication.reviewerNames.length
        ? publication.reviewerNames
        : lcspr.reviewerName
          ? [lcspr.reviewerName]
          : [],
      planned: dateText(planned),
      sendBy: dateText(dates.sendBy),
      sentInTime: dates.today <= dates.sendBy,
      publishFullReport: publication.publishFullReport !== false,
      publicationDue: dateText(dates.publicationDue),
      late,
      delayReason: textOrNotRecorded(publication.delayReason),
    },
  };
}
