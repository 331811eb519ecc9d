import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { caseAccess, CaseScope, mayAct, OrganisationLink, visibleOrganisations } from './access-rules';
import type { AuthenticatedUser, Role } from './permissions';

export type { CaseScope } from './access-rules';

/** The same answer for a case that does not exist and one the caller may not see. */
export const CASE_NOT_FOUND_MESSAGE = 'No case with this id was found, or you do not have access to it';

/**
 * The scope decision for every case, made in the service layer so web pages, API routes and exports all
 * apply exactly the same rule.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The user's organisations and those whose cases they may see through coverage or partnership. */
  async visibleOrganisationIds(user: AuthenticatedUser): Promise<string[]> {
    if (user.organisationIds.length === 0) return [];
    const links: OrganisationLink[] = await this.dataSource.query(
      `SELECT id, type, covers_local_authority_ids AS "coversLocalAuthorityIds",
              partner_organisation_ids AS "partnerOrganisationIds"
         FROM organisation WHERE id = ANY($1::uuid[]) OR partner_organisation_ids && $1::uuid[]`,
      [user.organisationIds],
    );
    return visibleOrganisations(user.organisationIds, links);
  }

  async canRead(user: AuthenticatedUser, scope: CaseScope): Promise<boolean> {
    return caseAccess(user, await this.visibleOrganisationIds(user), scope) !== 'none';
  }

  /** Throws 404 (never revealing that the case exists) when the user may not see it. */
  async assertCanRead(user: AuthenticatedUser, scope: CaseScope): Promise<void> {
    const access = caseAccess(user, await this.visibleOrganisationIds(user), scope);
    if (access === 'none') await this.deny(user, scope, 'outside-scope', 404);
  }

  /**
   * 403 when the user may not act on the case: it is outside their organisations (the contract answers
   * actions with 403 and only reads with 404), or they lack one of `roles` for it.
   */
  async assertCanAct(user: AuthenticatedUser, scope: CaseScope, roles: Role[]): Promise<void> {
    const access = caseAccess(user, await this.visibleOrganisationIds(user), scope);
    if (access === 'none') await this.deny(user, scope, 'outside-scope', 403, roles);
    if (!mayAct(user, access, roles)) await this.deny(user, scope, 'role', 403, roles);
  }

  private async deny(
    user: AuthenticatedUser,
    scope: CaseScope,
    reason: 'outside-scope' | 'role',
    status: 403 | 404,
    requiredRoles?: Role[],
  ): Promise<never> {
    await this.audit.record({
      action: 'access.denied',
      actor: user,
      caseId: scope.caseId,
      organisationIds: [...scope.owningOrganisationIds, ...(scope.sharedWithOrganisationIds ?? [])],
      details: { reason, status, ...(requiredRoles ? { requiredRoles } : {}) },
    });
    if (status === 404) throw new NotFoundException(CASE_NOT_FOUND_MESSAGE);
    throw new ForbiddenException('You do not have permission to do this on this case');
  }
}
