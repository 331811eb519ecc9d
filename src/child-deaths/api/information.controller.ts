import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { caseRecord } from '../case-record';
import {
  AbuseOrNeglectDto,
  ChaseDto,
  InvestigationsDto,
  LookedAfterReferralDto,
  RequestFormsDto,
} from '../dto/information.dto';
import { CASE_READERS, CaseIdPipe } from '../ids';
import { InformationGatheringService } from '../information-gathering.service';

@ApiTags('child deaths')
@ApiBearerAuth()
@Controller('api/child-deaths')
export class InformationController {
  constructor(private readonly information: InformationGatheringService) {}

  @Post(':caseId/reporting-requests')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary: 'Ask agencies for reporting forms and supplementary forms (WT 439)',
    description:
      'Each request starts its own CDR-AGENCY-RETURN clock. A request with a link answers the single-use link once (link, linkUrl); only its hash is kept.',
  })
  request(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RequestFormsDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.information.requestForms(user, caseId, body);
  }

  @Get(':caseId/reporting-requests')
  @Permission(...CASE_READERS)
  @ApiOperation({ summary: 'Every form asked for on the case: sent, opened, returned or overdue' })
  list(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.information.listRequests(user, caseId);
  }

  @Post(':caseId/reporting-requests/chase')
  @HttpCode(200)
  @Permission('cdop-admin')
  @ApiOperation({
    summary: 'Chase outstanding forms; reissueLinks issues fresh links (the old ones stop working)',
  })
  chase(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ChaseDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.information.chase(user, caseId, body);
  }

  @Put(':caseId/investigations')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary: 'Record post-mortem, coroner and inquest, and criminal investigation status',
    description:
      'pause: true pauses the CDRM and CDOP review clocks for the proceedings recorded as running.',
  })
  async investigations(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: InvestigationsDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.information.recordInvestigations(user, caseId, body));
  }

  @Post(':caseId/abuse-or-neglect')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary: 'Evidence of abuse or neglect (WT 452): opens the linked serious incident notification draft',
    description: 'Starts and meets CDR-SI-REFERRAL the same day.',
  })
  abuseOrNeglect(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AbuseOrNeglectDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.information.abuseOrNeglect(user, caseId, body);
  }

  @Post(':caseId/looked-after-referral')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary:
      'Open the looked after child’s serious incident notification when the notification did not say which local authority',
  })
  async lookedAfter(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: LookedAfterReferralDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.information.lookedAfterReferral(user, caseId, body));
  }
}
