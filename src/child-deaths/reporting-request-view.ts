import type { IsoDate } from '../calendar/iso-date';
import type { ReportingRequest } from './entities/reporting-request.entity';
import { supplementaryFormLabel } from './forms/reporting-forms';

export type ReportingRequestStatus = 'sent' | 'opened' | 'returned' | 'overdue';

/** Returned once returned; otherwise overdue after its due date, else opened or just sent. */
export function reportingRequestStatus(r: ReportingRequest, today: IsoDate): ReportingRequestStatus {
  if (r.returnedAt) return 'returned';
  if (today > r.dueDate) return 'overdue';
  return r.openedAt ? 'opened' : 'sent';
}

export interface ReportingRequestView {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  caseId: string;
  kind: ReportingRequest['kind'];
  supplementaryType?: string;
  title: string;
  recipient: ReportingRequest['recipient'];
  agencyOrganisationId?: string;
  requestedAt: Date;
  dueDate: IsoDate;
  status: ReportingRequestStatus;
  openedAt?: Date;
  returnedAt?: Date;
  returnedVia?: 'account' | 'link';
  lastChasedAt?: Date;
  chaseCount: number;
  linkExpiresAt?: Date;
  formVersion: string;
  answers?: Record<string, unknown>;
}

export function reportingFormTitle(r: Pick<ReportingRequest, 'kind' | 'supplementaryType'>): string {
  return r.kind === 'reporting'
    ? 'Reporting form'
    : `Supplementary reporting form: ${supplementaryFormLabel(r.supplementaryType ?? '')}`;
}

export function toReportingRequestView(
  r: ReportingRequest,
  today: IsoDate,
  withAnswers = true,
): ReportingRequestView {
  return {
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    caseId: r.caseId,
    kind: r.kind,
    ...(r.supplementaryType ? { supplementaryType: r.supplementaryType } : {}),
    title: reportingFormTitle(r),
    recipient: r.recipient,
    ...(r.agencyOrganisationId ? { agencyOrganisationId: r.agencyOrganisationId } : {}),
    requestedAt: r.requestedAt,
    dueDate: r.dueDate,
    status: reportingRequestStatus(r, today),
    ...(r.openedAt ? { openedAt: r.openedAt } : {}),
    ...(r.returnedAt ? { returnedAt: r.returnedAt } : {}),
    ...(r.returnedVia ? { returnedVia: r.returnedVia } : {}),
    ...(r.lastChasedAt ? { lastChasedAt: r.lastChasedAt } : {}),
    chaseCount: r.chaseCount,
    ...(r.linkExpiresAt ? { linkExpiresAt: r.linkExpiresAt } : {}),
    formVersion: r.formVersion,
    ...(withAnswers && r.answers ? { answers: r.answers } : {}),
  };
}
