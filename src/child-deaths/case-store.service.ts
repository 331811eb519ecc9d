import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TimeSource } from '../calendar/time-source';
import { assertVersion } from '../common/optimistic-lock';
import { AccessService, CASE_NOT_FOUND_MESSAGE, CaseScope } from '../identity/access.service';
import type { AuthenticatedUser, Role } from '../identity/permissions';
import { pathBetween } from './case-path';
import { caseOrganisationIds, ChildDeathCase } from './entities/child-death-case.entity';
import { CASE_STATE_LABELS, CaseState } from './rules/case-lifecycle';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** The roles that run a case day to day for their CDOP. */
export const CASE_WORKERS: Role[] = ['cdop-admin', 'designated-doctor'];

/**
 * Loading, locking, scope checks, state moves and auditing shared by every child death service, so each
 * applies exactly the same rules.
 */
@Injectable()
export class CaseStore {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
  ) {}

  scope(c: Pick<ChildDeathCase, 'id' | 'owningCdopId' | 'sharedWithCdopIds'>): CaseScope {
    return {
      caseId: c.id,
      owningOrganisationIds: [c.owningCdopId],
      sharedWithOrganisationIds: c.sharedWithCdopIds,
    };
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The case if the user may see it; 404 otherwise, whether or not it exists. Records the read. */
  async read(user: AuthenticatedUser, caseId: string, what = 'case'): Promise<ChildDeathCase> {
    const c = await this.dataSource.getRepository(ChildDeathCase).findOneBy({ id: caseId });
    if (!c) throw new NotFoundException(CASE_NOT_FOUND_MESSAGE);
    await this.access.assertCanRead(user, this.scope(c));
    await this.audit.record({
      action: 'case.read',
      actor: user,
      caseId: c.id,
      organisationIds: caseOrganisationIds(c),
      details: { caseType: 'cdr', view: what },
    });
    return c;
  }

  /**
   * The case locked for the rest of the transaction, after checking the user may act on it with one of
   * `roles` and that it has not changed since they read `version`.
   */
  async forChange(
    m: EntityManager,
    user: AuthenticatedUser,
    caseId: string,
    roles: Role[],
    version?: number,
  ): Promise<ChildDeathCase> {
    const c = await this.lock(m, caseId);
    await this.access.assertCanAct(user, this.scope(c), roles);
    assertVersion(c, version, 'case');
    if (c.mergedIntoCaseId) {
      throw new ConflictException('This case was merged into another case; work on that case instead');
    }
    return c;
  }

  async lock(m: EntityManager, caseId: string): Promise<ChildDeathCase> {
    const c = await m
      .getRepository(ChildDeathCase)
      .findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw new NotFoundException(CASE_NOT_FOUND_MESSAGE);
    return c;
  }

  assertOpen(c: ChildDeathCase): void {
    if (c.state === 'closed') throw new ConflictException('This case is closed');
  }

  /**
   * Moves the case on to `to` through any states in between. A move the process does not allow, or one
   * while the case is paused, is refused with 409 when `required`; otherwise the case simply stays where
   * it is (for steps that may happen in any order, such as asking agencies for reports during a pause).
   */
  advance(c: ChildDeathCase, to: CaseState, user: AuthenticatedUser | null, required: boolean): FieldChanges {
    const path = pathBetween(c.state, to);
    if (path === null || (path.length > 0 && c.pausedSince)) {
      if (!required) return {};
      throw new ConflictException(
        c.pausedSince && path
          ? 'The case is paused: resume it before moving it on'
          : `A case cannot move from "${CASE_STATE_LABELS[c.state]}" to "${CASE_STATE_LABELS[to]}"`,
      );
    }
    if (path.length === 0) return {};
    const before = c.state;
    const at = this.time.now().toISOString();
    c.stateHistory = [
      ...c.stateHistory,
      ...path.map((state) => ({ state, at, ...(user ? { byUserId: user.id } : {}) })),
    ];
    c.state = to;
    return { state: { before, after: to } };
  }

  /** Saves the case (its version goes up) and records the change as the transaction's last step. */
  async save(
    m: EntityManager,
    user: AuthenticatedUser | null,
    c: ChildDeathCase,
    event: string,
    changes: FieldChanges,
    extra: Record<string, unknown> = {},
  ): Promise<ChildDeathCase> {
    const saved = await this.persist(m, c);
    await this.record(m, user, saved, 'case.update', { event, changes, ...extra });
    return saved;
  }

  /**
   * Saves the case so that its version always goes up, even when only a record hanging off it changed
   * (a returned form, a family contact): the version is what "this case changed" means to readers.
   */
  async persist(m: EntityManager, c: ChildDeathCase): Promise<ChildDeathCase> {
    const before = c.version;
    const saved = await m.getRepository(ChildDeathCase).save(c);
    if (saved.version !== before) return saved;
    // For an UPDATE the driver answers [rows, rowCount].
    const [rows]: [{ version: number; updated_at: Date }[], number] = await m.query(
      'UPDATE cdr_case SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version, updated_at',
      [c.id],
    );
    saved.version = rows[0].version;
    saved.updatedAt = rows[0].updated_at;
    return saved;
  }

  async record(
    m: EntityManager,
    user: AuthenticatedUser | null,
    c: ChildDeathCase,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        actor: user,
        caseId: c.id,
        organisationIds: caseOrganisationIds(c),
        details: { caseType: 'cdr', ...details },
      },
      m,
    );
  }

  now(): Date {
    return this.time.now();
  }

  today(): string {
    return this.time.today();
  }
}
