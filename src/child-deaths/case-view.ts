import type { IsoDate } from '../calendar/iso-date';
import { analysisWarnings, missingForFinalise } from './rules/analysis-form';
import { CASE_STATE_LABELS, CaseState, PAUSE_REASON_LABELS } from './rules/case-lifecycle';
import { deathCategoryLabel, isDeathCategoryNumber } from './rules/death-categories';
import { ageAtDeath } from './rules/scope';
import type { AnalysisForm } from './entities/analysis-form.entity';
import type { ChildDeathCase } from './entities/child-death-case.entity';
import type { FamilyContact } from './entities/family-contact.entity';
import type { ChildDeathNotification } from './entities/notification.entity';
import type { ReportingRequest } from './entities/reporting-request.entity';
import type { ReviewMeeting } from './entities/review-meeting.entity';
import type { OrganisationSummary } from './organisations-lookup';
import { professionalsOf, reconciledView } from './reconciled-view';
import { toReportingRequestView } from './reporting-request-view';

function organisation(organisations: Map<string, OrganisationSummary>, id: string | null) {
  if (!id) return null;
  const found = organisations.get(id);
  return { id, name: found?.name ?? 'Unknown organisation', code: found?.code ?? null };
}

function record<T extends { id: string; createdAt: Date; updatedAt: Date; version: number }>(r: T) {
  return { id: r.id, createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version };
}

export interface CaseSummary {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  reference: string;
  status: CaseState;
  statusLabel: string;
  paused: boolean;
  child: { givenName: string | null; familyName: string | null; dateOfBirth: IsoDate };
  dateOfDeath: IsoDate;
  notifiedAt: Date;
  owningCdop: { id: string; name: string; code: string | null } | null;
  jarRequired: boolean;
}

export function toCaseSummary(
  c: ChildDeathCase,
  organisations: Map<string, OrganisationSummary>,
): CaseSummary {
  return {
    ...record(c),
    reference: c.reference,
    status: c.state,
    statusLabel: CASE_STATE_LABELS[c.state],
    paused: c.pausedSince !== null,
    child: { givenName: c.givenName, familyName: c.familyName, dateOfBirth: c.dateOfBirth },
    dateOfDeath: c.dateOfDeath,
    notifiedAt: c.firstNotifiedAt,
    owningCdop: organisation(organisations, c.owningCdopId),
    jarRequired: c.jarDecision ? c.jarDecision.required : c.jarEvaluation.required,
  };
}

export interface CaseViewInput {
  c: ChildDeathCase;
  notifications: ChildDeathNotification[];
  contacts: FamilyContact[];
  meetings: ReviewMeeting[];
  requests: ReportingRequest[];
  analysis: AnalysisForm | null;
  organisations: Map<string, OrganisationSummary>;
  today: IsoDate;
  lookedAfterLinkPending: boolean;
}

/** GET /api/child-deaths/{caseId}: the case with its child, notifications, status and owning CDOP. */
export function toCaseView(input: CaseViewInput) {
  const { c, notifications, organisations } = input;
  const view = reconciledView(notifications);
  const answers = view.answers as { child?: Record<string, unknown> } & Record<string, unknown>;
  const analysisDraft = input.analysis
    ? { formVersion: input.analysis.formVersion, ...input.analysis.answers }
    : null;
  return {
    ...record(c),
    reference: c.reference,
    status: c.state,
    statusLabel: CASE_STATE_LABELS[c.state],
    paused: c.pausedSince
      ? {
          reason: c.pausedReason,
          reasonLabel: c.pausedReason ? PAUSE_REASON_LABELS[c.pausedReason] : null,
          text: c.pausedText,
          since: c.pausedSince,
        }
      : null,
    owningCdopId: c.owningCdopId,
    cdopId: c.owningCdopId,
    owningCdop: organisation(organisations, c.owningCdopId),
    reviewingCdopId: c.owningCdopId,
    sharedWithCdopIds: c.sharedWithCdopIds,
    sharedWithCdops: c.sharedWithCdopIds.map((id) => organisation(organisations, id)),
    residentLocalAuthority: organisation(organisations, c.residentLocalAuthorityId),
    placeOfDeathLocalAuthority: organisation(organisations, c.placeOfDeathLocalAuthorityId),
    child: { ...(answers.child ?? {}), dateOfBirth: c.dateOfBirth },
    dateOfDeath: c.dateOfDeath,
    timeOfDeath: answers.timeOfDeath ?? null,
    placeOfDeath: answers.placeOfDeath ?? null,
    ageAtDeath: ageAtDeath(c.dateOfBirth, c.dateOfDeath),
    expected: c.expected,
    lookedAfter: c.lookedAfter,
    answers,
    notifiedAt: c.firstNotifiedAt,
    deathKnownAt: c.deathKnownAt,
    notifications: notifications.map((n) => ({
      ...record(n),
      notifiedAt: n.notifiedAt,
      notifier: n.notifier,
      matched: n.matched,
      jar: { required: n.jarEvaluation.required, criteria: n.jarEvaluation.criteria },
      answers: n.answers,
    })),
    reconciliation: view.reconciliation,
    professionals: professionalsOf(notifications),
    jar: {
      required: c.jarDecision ? c.jarDecision.required : c.jarEvaluation.required,
      criteria: c.jarEvaluation.criteria,
      evaluation: c.jarEvaluation,
      decision: c.jarDecision,
      record: c.jarRecord,
    },
    designatedDoctorInformed: c.designatedDoctorInformed,
    keyWorker: c.keyWorker,
    familyContacts: input.contacts.map((f) => ({
      ...record(f),
      contactedOn: f.contactedOn,
      method: f.method,
      contactBy: f.contactBy,
      guideOffered: f.guideOffered,
      questionsForCdrm: f.questionsForCdrm,
      notes: f.notes,
    })),
    investigations: c.investigations,
    seriousIncidentLinks: c.seriousIncidentLinks,
    lookedAfterLinkPending: input.lookedAfterLinkPending,
    reportingRequests: input.requests.map((r) => toReportingRequestView(r, input.today, false)),
    reviewMeetings: input.meetings.map((meeting) => ({
      ...record(meeting),
      scheduledFor: meeting.scheduledFor,
      location: meeting.location,
      attendees: meeting.attendees,
      warnings: meeting.warnings,
      status: meeting.status,
      heldOn: meeting.heldOn,
      attended: meeting.attended,
      notes: meeting.notes,
    })),
    analysis: input.analysis
      ? {
          ...record(input.analysis),
          formVersion: input.analysis.formVersion,
          status: input.analysis.status,
          reviewedOn: input.analysis.reviewedOn,
          answers: input.analysis.answers,
          primaryCategoryLabel: isDeathCategoryNumber(input.analysis.answers.primaryCategory)
            ? deathCategoryLabel(input.analysis.answers.primaryCategory)
            : null,
          // The review date is given when finalising, so it is never missing from a draft.
          missing:
            input.analysis.status === 'final'
              ? []
              : missingForFinalise(analysisDraft ?? {}).filter((p) => p.field !== 'reviewedOn'),
          warnings: analysisWarnings(analysisDraft ?? {}),
        }
      : null,
    cdrmHeldOn: c.cdrmHeldOn,
    cdopReviewedOn: c.cdopReviewedOn,
    ncmdSubmittedOn: c.ncmdSubmittedOn,
    closedAt: c.closedAt,
    mergedIntoCaseId: c.mergedIntoCaseId,
    timeline: c.stateHistory.map((step) => ({
      state: step.state,
      label: CASE_STATE_LABELS[step.state as CaseState] ?? step.state,
      at: step.at,
    })),
  };
}

export type CaseView = ReturnType<typeof toCaseView>;
