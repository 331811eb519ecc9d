import type { DeadlineView } from '../../deadlines/deadline-view';
import { LcsprRecord, REVIEWER_QUALITIES } from '../lcspr.entity';

/** Things the partners should act on now, in plain words. */
export function lcsprWarnings(record: LcsprRecord, deadlines: DeadlineView[]): string[] {
  const warnings: string[] = [];
  if (record.decision !== 'lcspr') return warnings;
  const complete = deadlines.find((d) => d.rule === 'SI-LCSPR-COMPLETE');
  if (!record.informedOn) {
    warnings.push('Tell the Panel, Ofsted and the DfE about the review, naming the reviewer (WT 393).');
  }
  if (record.reviewerUserId && !record.declaration) {
    warnings.push(
      'The reviewer has not made the conflict of interest declaration, so cannot see the case yet.',
    );
  }
  if (record.declaration?.hasConflict && !record.conflictDecision) {
    warnings.push('The reviewer declared a conflict of interest: record whether and how it can be managed.');
  }
  const lateAgainst = record.publishedOn ?? record.plannedPublicationDate;
  if (complete && lateAgainst && lateAgainst > complete.dueDate && !record.delayReasonSentOn) {
    warnings.push(
      `Publication is after ${complete.dueDate}, six months from the decision: send the reasons for the delay to the Panel and the Secretary of State (WT 408).`,
    );
  }
  if (record.publishFullReport === false) {
    warnings.push(
      'Only the improvements information is to be published: set out the justification for the Panel and the Secretary of State (WT 408).',
    );
  }
  return warnings;
}

export function lcsprView(record: LcsprRecord, deadlines: DeadlineView[]) {
  return {
    id: record.id,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
    incidentId: record.incidentId,
    decision: record.decision,
    decidedOn: record.decidedOn,
    rationale: record.rationale,
    criteria: record.criteria,
    familyToldOn: record.familyToldOn,
    reviewerName: record.reviewerName,
    informedOn: record.informedOn,
    reviewer: {
      name: record.reviewerName,
      userId: record.reviewerUserId,
      commissionedOn: record.commissionedOn,
      assessment: (record.reviewerAssessment ?? []).map((a) => ({
        ...a,
        label: REVIEWER_QUALITIES.find((q) => q.id === a.quality)?.label ?? a.quality,
      })),
      declaration: record.declaration,
      conflictDecision: record.conflictDecision,
    },
    termsOfReference: record.termsOfReference,
    termsAgreedOn: record.termsAgreedOn,
    supervisionLog: record.supervisionLog,
    involvementLog: record.involvementLog,
    publication: {
      plannedPublicationDate: record.plannedPublicationDate,
      publishFullReport: record.publishFullReport,
      reviewerNames: record.reviewerNames,
      sentToPanelOn: record.sentToPanelOn,
      sentToSecretaryOfStateOn: record.sentToSecretaryOfStateOn,
      sentToOfstedOn: record.sentToOfstedOn,
      publishedOn: record.publishedOn,
      publicationUrl: record.publicationUrl,
      delayReason: record.delayReason,
      delayReasonSentOn: record.delayReasonSentOn,
      availabilityConfirmedOn: record.availabilityConfirmedOn,
    },
    warnings: lcsprWarnings(record, deadlines),
  };
}
export type LcsprView = ReturnType<typeof lcsprView>;
