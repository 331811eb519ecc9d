import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessService } from '../identity/access.service';
import { AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { AuditQueryDto } from './audit-query.dto';
import { AuditEventView } from './audit-search';
import { AuditService } from './audit.service';
import { VerifyResult } from './audit-verifier';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  @Permission('system-admin', 'cdop-admin', 'partnership-manager')
  @Get()
  @ApiOperation({
    summary: 'Search the audit trail, newest first',
    description:
      'system-admin sees every event; cdop-admin and partnership-manager see the events of cases their ' +
      'organisations own or share (a case’s access history is `?caseId=`).',
  })
  async search(
    @Query() query: AuditQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AuditEventView[]> {
    const scope = user.roles.includes('system-admin') ? null : await this.access.visibleOrganisationIds(user);
    return this.audit.search(query, scope, user);
  }

  @Permission('system-admin')
  @Get('verify')
  @ApiOperation({
    summary: 'Check the hash chain of the whole audit trail: `{ valid, checked, firstBrokenId? }`',
  })
  verify(): Promise<VerifyResult> {
    return this.audit.verify();
  }
}
