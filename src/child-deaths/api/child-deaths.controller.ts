import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { CaseLifecycleService } from '../case-lifecycle.service';
import { CaseQueryService } from '../case-query.service';
import { caseRecord } from '../case-record';
import {
  DesignatedDoctorInformedDto,
  FamilyContactDto,
  JarDecisionDto,
  JarRecordDto,
  KeyWorkerDto,
  VersionDto,
} from '../dto/decisions.dto';
import { MergeDto, NcmdSubmissionDto, ReviewingCdopDto, SplitDto } from '../dto/lifecycle.dto';
import { NotificationDto } from '../dto/notification.dto';
import { PauseDto } from '../dto/information.dto';
import { CaseListQuery } from '../dto/query.dto';
import { CASE_READERS, CaseIdPipe, PRACTITIONERS } from '../ids';
import { ImmediateDecisionsService } from '../immediate-decisions.service';
import { NotificationIntakeService } from '../notification-intake.service';

@ApiTags('child deaths')
@ApiBearerAuth()
@Controller('api/child-deaths')
export class ChildDeathsController {
  constructor(
    private readonly intake: NotificationIntakeService,
    private readonly query: CaseQueryService,
    private readonly decisions: ImmediateDecisionsService,
    private readonly lifecycle: CaseLifecycleService,
  ) {}

  @Post('notifications')
  @Permission(...PRACTITIONERS)
  @ApiOperation({
    summary: 'Notify a child death (WT 447)',
    description:
      'Opens a case, or attaches the notification to the case already open for the same death (duplicateOfExistingCase). 400 names each invalid field; 422 refuses a death the process does not cover, with the reason.',
  })
  notify(@Body() body: NotificationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.intake.notify(body, user);
  }

  @Get()
  @Permission(...PRACTITIONERS)
  @ApiOperation({
    summary: 'Cases the caller may see, newest first; q finds a reference, an NHS number or a name',
  })
  list(@Query() query: CaseListQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.query.list(user, query);
  }

  @Get(':caseId')
  @Permission(...CASE_READERS)
  @ApiOperation({
    summary:
      'The case with its child, notifications (reconciled, disagreements flagged), status and owning CDOP',
  })
  get(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.query.view(user, caseId);
  }

  @Get(':caseId/deadlines')
  @Permission(...CASE_READERS)
  @ApiOperation({ summary: 'Every clock on the case, in the contract deadline shape' })
  deadlines(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.query.deadlines(user, caseId);
  }

  @Post(':caseId/jar/decision')
  @HttpCode(200)
  @Permission('designated-doctor')
  @ApiOperation({
    summary: 'The designated doctor confirms or overrides the joint agency response evaluation',
    description: 'reason is required when the decision differs from the evaluation of the WT 449 criteria.',
  })
  decideJar(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: JarDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.decisions.decideJar(user, caseId, body);
  }

  @Put(':caseId/jar/record')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary:
      'Record the joint agency response: professionals, information sharing, home visit, police, section 47',
    description: 'Meets CDR-JAR-MEETING and CDR-HOME-VISIT when those steps are recorded.',
  })
  async recordJar(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: JarRecordDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.decisions.recordJar(user, caseId, body));
  }

  @Post(':caseId/designated-doctor-informed')
  @HttpCode(200)
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary:
      'Record how the designated doctor was told, when the portal could not tell them (CDR-DESIGNATED-DR)',
  })
  async designatedDoctorInformed(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: DesignatedDoctorInformedDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.decisions.designatedDoctorInformed(user, caseId, body));
  }

  @Put(':caseId/key-worker')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({ summary: 'Name the key worker for the family (WT 432)' })
  async keyWorker(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: KeyWorkerDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.decisions.nameKeyWorker(user, caseId, body));
  }

  @Post(':caseId/family-contacts')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary:
      'Record a contact with the family, whether the "When a child dies" guide was offered, and their questions',
    description: 'With a key worker named and the guide offered, CDR-FAMILY-LEAFLET is met.',
  })
  familyContact(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: FamilyContactDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.decisions.recordFamilyContact(user, caseId, body);
  }

  @Post(':caseId/pause')
  @HttpCode(200)
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({ summary: 'Pause the case, and its CDRM and CDOP review clocks, with a reason' })
  async pause(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: PauseDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.lifecycle.pause(user, caseId, body));
  }

  @Post(':caseId/resume')
  @HttpCode(200)
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({ summary: 'Resume a paused case; each paused clock moves on by the time paused' })
  async resume(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: VersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.lifecycle.resume(user, caseId, body));
  }

  @Post(':caseId/ncmd-submission')
  @HttpCode(200)
  @Permission('cdop-admin')
  @ApiOperation({ summary: 'Record that the analysis data went to the NCMD (meets CDR-NCMD-SUBMIT)' })
  async ncmd(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: NcmdSubmissionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.lifecycle.recordNcmdSubmission(user, caseId, body));
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @Permission('cdop-admin')
  @ApiOperation({
    summary: 'Close the case: 422 lists what is outstanding (analysis final, NCMD submitted, not paused)',
  })
  async close(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: VersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.lifecycle.close(user, caseId, body));
  }

  @Post(':caseId/reviewing-cdop')
  @HttpCode(200)
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({ summary: 'Hand the review to the other CDOP that sees the case, by agreement (WT 440)' })
  async reviewingCdop(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReviewingCdopDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.lifecycle.changeReviewingCdop(user, caseId, body));
  }

  @Post(':caseId/merge')
  @HttpCode(200)
  @Permission('cdop-admin')
  @ApiOperation({ summary: 'Merge a duplicate case (only notified so far) into this one, with a reason' })
  async merge(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: MergeDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.lifecycle.merge(user, caseId, body));
  }

  @Post(':caseId/split')
  @Permission('cdop-admin')
  @ApiOperation({
    summary: 'Move notifications of a different death onto a new case of their own; answers the new case',
  })
  async split(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: SplitDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return caseRecord(await this.lifecycle.split(user, caseId, body));
  }
}
