import type { IncidentAttachment } from './incident-attachment.entity';
import type { IncidentChild } from './incident-child.entity';
import type { LcsprRecord } from './lcspr.entity';
import type { RapidReviewRecord } from './rapid-review.entity';
import type { RoutingDecision } from './rules/routing';
import type { SeriousIncident } from './serious-incident.entity';

export type IncidentStage =
  'notification' | 'rapid-review' | 'lcspr-decision' | 'lcspr' | 'published' | 'closed';

/** Where the incident has got to, for lists and work queues. */
export function stageOf(
  incident: SeriousIncident,
  decision: RoutingDecision,
  rapidReview: RapidReviewRecord | null,
  lcspr: LcsprRecord | null,
): IncidentStage {
  if (incident.status !== 'submitted') return 'notification';
  if (decision.route !== 'full-review') return 'closed';
  if (!rapidReview?.submittedOn) return 'rapid-review';
  if (!lcspr) return 'lcspr-decision';
  if (lcspr.decision === 'no-lcspr') return 'closed';
  return lcspr.publishedOn ? 'published' : 'lcspr';
}

export function childView(child: IncidentChild, decision: RoutingDecision) {
  const routed = decision.children.find((c) => c.index === child.position - 1);
  return {
    id: child.id,
    createdAt: child.createdAt,
    updatedAt: child.updatedAt,
    version: child.version,
    position: child.position,
    identityKnown: child.identityKnown,
    givenName: child.givenName,
    familyName: child.familyName,
    dateOfBirth: child.dateOfBirth,
    ageYears: child.ageYears,
    sex: child.sex,
    ethnicity: child.ethnicity,
    disability: child.disability,
    legalStatus: child.legalStatus,
    normallyResidentLocalAuthorityId: child.normallyResidentLocalAuthorityId,
    knownToServices: child.knownToServices,
    natureOfHarm: child.natureOfHarm,
    route: routed?.route ?? null,
    routeReason: routed?.reason ?? null,
  };
}

export function attachmentView(attachment: IncidentAttachment) {
  return {
    id: attachment.id,
    createdAt: attachment.createdAt,
    updatedAt: attachment.updatedAt,
    version: attachment.version,
    filename: attachment.filename,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    description: attachment.description,
    uploadedByUserId: attachment.uploadedByUserId,
  };
}

/** The incident as GET /api/serious-incidents/{id} returns it. */
export function incidentView(input: {
  incident: SeriousIncident;
  children: IncidentChild[];
  attachments: IncidentAttachment[];
  decision: RoutingDecision;
  rapidReview: RapidReviewRecord | null;
  lcspr: LcsprRecord | null;
}) {
  const { incident, decision } = input;
  const views = incident.partnerViews;
  const partnersDisagree = new Set(views.map((v) => v.criteriaMet)).size > 1;
  return {
    id: incident.id,
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    version: incident.version,
    reference: incident.reference,
    status: incident.status,
    stage: stageOf(incident, decision, input.rapidReview, input.lcspr),
    localAuthorityId: incident.localAuthorityId,
    partnershipId: incident.partnershipId,
    leadLocalAuthorityId: incident.leadLocalAuthorityId,
    involvedLocalAuthorityIds: incident.involvedLocalAuthorityIds,
    becameAwareOn: incident.becameAwareOn,
    incidentDate: incident.incidentDate,
    type: incident.type,
    otherRationale: incident.otherRationale,
    abuseOrNeglect: incident.abuseOrNeglect,
    location: incident.location,
    summary: incident.summary,
    abuseCategories: incident.abuseCategories,
    contextFactors: incident.contextFactors,
    perpetratorRelationship: incident.perpetratorRelationship,
    policeInvestigation: incident.policeInvestigation,
    widerRisk: incident.widerRisk,
    widerRiskDetails: incident.widerRiskDetails,
    panelConsultedOn: incident.panelConsultedOn,
    panelConsultationNotes: incident.panelConsultationNotes,
    panelConsultation: decision.panelConsultation,
    childDeathCaseId: incident.childDeathCaseId,
    children: [...input.children]
      .sort((a, b) => a.position - b.position)
      .map((child) => childView(child, decision)),
    criteriaMet: decision.criteria.criteriaMet,
    criteriaReasons: decision.criteria.reasons,
    route: decision.route,
    routeReason: decision.routeReason,
    submitBlockers: decision.submitBlockers,
    partnerViews: views,
    partnersDisagree,
    criteriaResolution: incident.criteriaResolution,
    localLearningReview: incident.localLearningReview,
    signOff: incident.signedOffAt
      ? {
          byUserId: incident.signedOffByUserId,
          byName: incident.signedOffByName,
          at: incident.signedOffAt,
        }
      : null,
    submittedOn: incident.submittedOn,
    nationalReference: incident.nationalReference,
    partnersInformedOn: incident.partnersInformedOn,
    attachments: input.attachments.map(attachmentView),
    rapidReviewSubmittedOn: input.rapidReview?.submittedOn ?? null,
    lcsprDecision: input.lcspr?.decision ?? null,
  };
}
export type IncidentView = ReturnType<typeof incidentView>;
