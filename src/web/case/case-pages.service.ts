import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { auditSearchQuery, toAuditEventView } from '../../audit/audit-search';
import type { CaseScope } from '../../identity/access.service';
import { AccessService } from '../../identity/access.service';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import { User } from '../../identity/user.entity';
import type { AccessEvent } from './case-page';

/** Roles that see a case's own access history (issue 3: CDOP admins and partnership managers). */
export const ACCESS_HISTORY_ROLES: Role[] = ['cdop-admin', 'partnership-manager'];

const HISTORY_LIMIT = 200;

const DESCRIPTIONS: Record<string, string> = {
  'case.read': 'Viewed the case',
  'case.create': 'Created the case',
  'case.update': 'Changed the case',
  'access.denied': 'Was refused access',
};

/** Helpers for capabilities' case pages. */
@Injectable()
export class CasePages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Who viewed or changed this case, newest first, for the roles allowed to see it; undefined for
   * everyone else, so the layout leaves the section out. Call it after the case read has been audited.
   */
  async accessHistory(user: AuthenticatedUser, scope: CaseScope): Promise<AccessEvent[] | undefined> {
    if (!user.roles.some((role) => ACCESS_HISTORY_ROLES.includes(role))) return undefined;
    if (!(await this.access.canRead(user, scope))) return undefined;
    const visible = await this.access.visibleOrganisationIds(user);
    const { sql, params } = auditSearchQuery({ caseId: scope.caseId, limit: HISTORY_LIMIT }, visible);
    const rows: Parameters<typeof toAuditEventView>[0][] = await this.dataSource.query(sql, params);
    const events = rows.map(toAuditEventView);
    const ids = [...new Set(events.flatMap((e) => (e.userId ? [e.userId] : [])))];
    const users = ids.length ? await this.dataSource.getRepository(User).findBy({ id: In(ids) }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return events.map((e) => ({
      at: e.at,
      who: e.userId ? (names.get(e.userId) ?? 'A former user') : 'Nobody signed in',
      what: DESCRIPTIONS[e.action] ?? e.action,
    }));
  }
}
