import { Body, Controller, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { AnalysisService } from '../analysis.service';
import { AnalysisDto, FinaliseAnalysisDto, SendAnalysisDto } from '../dto/analysis.dto';
import { MeetingHeldDto, ScheduleMeetingDto } from '../dto/meetings.dto';
import { CASE_READERS, CaseIdPipe, idPipe } from '../ids';
import { ReviewMeetingsService } from '../review-meetings.service';

@ApiTags('child deaths')
@ApiBearerAuth()
@Controller('api/child-deaths')
export class MeetingsAndAnalysisController {
  constructor(
    private readonly meetings: ReviewMeetingsService,
    private readonly analysis: AnalysisService,
  ) {}

  @Post(':caseId/review-meetings')
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary:
      'Schedule the child death review meeting and invite the attendees (in-app, and email with an .ics)',
    description: 'warnings: less than a month’s notice; the post-mortem report not yet in (WT 453).',
  })
  schedule(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ScheduleMeetingDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.meetings.schedule(user, caseId, body);
  }

  @Get(':caseId/review-meetings')
  @Permission(...CASE_READERS)
  @ApiOperation({ summary: 'The case’s child death review meetings' })
  list(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.meetings.list(user, caseId);
  }

  @Post(':caseId/review-meetings/:meetingId/held')
  @HttpCode(200)
  @Permission('cdop-admin', 'designated-doctor')
  @ApiOperation({
    summary: 'Record the meeting as held: attendance and notes; meets CDR-CDRM and starts CDR-DRAFT-ANALYSIS',
  })
  held(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('meetingId', idPipe('meeting')) meetingId: string,
    @Body() body: MeetingHeldDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.meetings.held(user, caseId, meetingId, body);
  }

  @Get(':caseId/review-meetings/:meetingId/invitation.ics')
  @Permission(...CASE_READERS)
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="invitation.ics"')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The meeting’s calendar invitation' })
  invitation(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('meetingId', idPipe('meeting')) meetingId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.meetings.invitation(user, caseId, meetingId);
  }

  @Get(':caseId/analysis')
  @Permission(...CASE_READERS)
  @ApiOperation({ summary: 'The analysis form with what is still missing and the category warnings' })
  getAnalysis(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.analysis.get(user, caseId);
  }

  @Put(':caseId/analysis')
  @Permission('designated-doctor', 'cdop-admin')
  @ApiOperation({
    summary: 'Save the draft analysis form',
    description:
      'Send the analysis form version you read as version (omit it when creating). A stale version is 409.',
  })
  saveAnalysis(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AnalysisDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.analysis.saveDraft(user, caseId, body);
  }

  @Post(':caseId/analysis/send-to-cdop')
  @HttpCode(200)
  @Permission('designated-doctor', 'cdop-admin')
  @ApiOperation({ summary: 'Send the draft to the CDOP after the CDRM (meets CDR-DRAFT-ANALYSIS)' })
  send(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: SendAnalysisDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.analysis.sendToCdop(user, caseId, body);
  }

  @Post(':caseId/analysis/finalise')
  @HttpCode(200)
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member')
  @ApiOperation({
    summary: 'The CDOP agrees the analysis at its review; 422 with the list of what is missing',
    description: 'Meets CDR-CDOP-REVIEW, starts CDR-NCMD-SUBMIT and turns the actions into tracked items.',
  })
  finalise(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: FinaliseAnalysisDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.analysis.finalise(user, caseId, body);
  }
}
