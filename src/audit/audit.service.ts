import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../identity/permissions';
import { chainHash, GENESIS_HASH } from './audit-chain';
import type { AuditQueryDto } from './audit-query.dto';
import { auditSearchQuery, AuditEventView, toAuditEventView } from './audit-search';
import { verifyAuditChain, VerifyResult } from './audit-verifier';
import { currentRequest } from './request-store';

export interface AuditRequestContext {
  ip?: string;
  correlationId?: string;
}

export interface AuditEventInput {
  /** Dotted name: `case.read`, `case.update`, `auth.login`, `access.denied`, `admin.user-update`, ... */
  action: string;
  actor?: AuthenticatedUser | null;
  /** The user the event is about when there is no signed-in actor (for example a failed login). */
  userId?: string | null;
  caseId?: string | null;
  /** The case's owning (and shared-with) organisations: lets CDOP admins and partnership managers search their own cases' history. */
  organisationIds?: string[];
  /** For `case.update`: `{ changes: { field: { before, after } } }`. Never passwords, tokens or secrets. */
  details?: Record<string, unknown>;
  /** Defaults to the request being served. */
  request?: AuditRequestContext;
}

/** Where a request came from, for an audit event. */
export function requestContext(req: Request): { ip?: string; correlationId?: string } {
  const id = (req as { id?: unknown }).id;
  return { ip: req.ip, correlationId: typeof id === 'string' ? id : undefined };
}

// One fixed advisory lock key serialises appends so the chain stays a single line under concurrency.
const AUDIT_CHAIN_LOCK = 7_641_100;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one event. Given a manager, the event is written inside that transaction, so it exists if and
   * only if the change it describes does. The chain lock is then held until that transaction ends, so
   * record the event as the last step of a transaction.
   */
  async record(event: AuditEventInput, manager?: EntityManager): Promise<void> {
    if (manager?.queryRunner?.isTransactionActive) return this.append(event, manager);
    await (manager ?? this.dataSource.manager).transaction((m) => this.append(event, m));
  }

  /** Searches the trail, and records that someone looked (who searches the audit is itself audited). */
  async search(
    filter: AuditQueryDto,
    visibleOrganisationIds: string[] | null,
    actor: AuthenticatedUser,
  ): Promise<AuditEventView[]> {
    const { sql, params } = auditSearchQuery(filter, visibleOrganisationIds);
    const rows: Parameters<typeof toAuditEventView>[0][] = await this.dataSource.query(sql, params);
    await this.record({ action: 'audit.search', actor, details: { filter: { ...filter } } });
    return rows.map(toAuditEventView);
  }

  verify(): Promise<VerifyResult> {
    return verifyAuditChain((sql, params) => this.dataSource.query(sql, params));
  }

  private async append(event: AuditEventInput, m: EntityManager): Promise<void> {
    const req = currentRequest();
    const context = event.request ?? (req ? requestContext(req) : {});
    await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last: { hash: string }[] = await m.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    const row = {
      id: randomUUID(),
      at: new Date(),
      action: event.action,
      userId: event.actor?.id ?? event.userId ?? null,
      caseId: event.caseId ?? null,
      organisationIds: [...new Set(event.organisationIds ?? [])],
      ip: context.ip ?? null,
      correlationId: context.correlationId ?? null,
      // Round-trip through JSON so the hash covers exactly what jsonb will store and give back.
      details: JSON.parse(JSON.stringify(event.details ?? {})) as unknown,
    };
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    await m.query(
      `INSERT INTO audit_event
         (id, at, action, user_id, case_id, organisation_ids, ip, correlation_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9::jsonb, $10, $11)`,
      [
        row.id,
        row.at,
        row.action,
        row.userId,
        row.caseId,
        row.organisationIds,
        row.ip,
        row.correlationId,
        JSON.stringify(row.details),
        prevHash,
        chainHash(prevHash, row),
      ],
    );
  }
}
