import { BadRequestException } from '@nestjs/common';
import type { AuditQueryDto } from './audit-query.dto';
import { isIsoDate, londonEndOfDay, londonStartOfDay } from './london-time';

export interface AuditEventView {
  id: string;
  at: Date;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  userId: string | null;
  action: string;
  caseId?: string;
  ip: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

/**
 * The SQL for an audit search. `visibleOrganisationIds` null means everything (system-admin); otherwise
 * only events of cases owned by or shared with those organisations.
 */
export function auditSearchQuery(
  filter: AuditQueryDto,
  visibleOrganisationIds: string[] | null,
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.userId) add('user_id = ?', filter.userId);
  if (filter.caseId) add('case_id = ?', filter.caseId);
  if (filter.action) add('action = ?', filter.action);
  const from =
    filter.from && (isIsoDate(filter.from) ? londonStartOfDay(filter.from) : new Date(filter.from));
  const to = filter.to && (isIsoDate(filter.to) ? londonEndOfDay(filter.to) : new Date(filter.to));
  if ((from && isNaN(from.getTime())) || (to && isNaN(to.getTime()))) {
    throw new BadRequestException(['from and to must be real dates']);
  }
  if (from) add('at >= ?', from);
  if (to) add(isIsoDate(filter.to!) ? 'at < ?' : 'at <= ?', to);
  if (visibleOrganisationIds) {
    where.push('case_id IS NOT NULL');
    add('organisation_ids && ?::uuid[]', visibleOrganisationIds);
  }
  params.push(filter.limit ?? 500);
  const sql = `SELECT id, at, user_id AS "userId", action, case_id AS "caseId", ip,
                      correlation_id AS "correlationId", details
                 FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                ORDER BY at DESC, seq DESC LIMIT $${params.length}`;
  return { sql, params };
}

export function toAuditEventView(
  row: Omit<AuditEventView, 'createdAt' | 'updatedAt' | 'version'>,
): AuditEventView {
  const { caseId, ...rest } = row;
  // Events never change: created and updated are the moment it happened, and the version is always 1.
  return { ...rest, ...(caseId ? { caseId } : {}), createdAt: row.at, updatedAt: row.at, version: 1 };
}
