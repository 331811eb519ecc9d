import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { ChildDeathDocuments } from '../child-death-documents.service';
import {
  ActionQueryDto,
  AgendaCaseDto,
  CreatePanelMeetingDto,
  PanelOutcomeDto,
  UpdateActionDto,
} from '../dto/panel.dto';
import { CdopQuery } from '../dto/query.dto';
import { ANALYSIS_FORM_DEFINITIONS } from '../rules/analysis-form';
import { DEATH_CATEGORIES } from '../rules/death-categories';
import { REPORTING_FORM_DEFINITIONS, SUPPLEMENTARY_FORM_TYPES } from '../forms/reporting-forms';
import { idPipe, PRACTITIONERS } from '../ids';
import { NoticesService } from '../notices.service';
import { PanelMeetingsService } from '../panel-meetings.service';
import { TrackedActionsService } from '../tracked-actions.service';

@ApiTags('CDOP panel')
@ApiBearerAuth()
@Controller('api/cdop')
export class CdopController {
  constructor(
    private readonly panels: PanelMeetingsService,
    private readonly actions: TrackedActionsService,
    private readonly documents: ChildDeathDocuments,
  ) {}

  @Get('panel-meetings/ready')
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member')
  @ApiOperation({ summary: 'Cases of the CDOP ready for its review (the draft analysis is with the panel)' })
  ready(@Query() query: CdopQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.panels.ready(user, query.cdopId);
  }

  @Get('panel-meetings')
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member')
  @ApiOperation({ summary: 'The CDOP’s panel meetings, latest first' })
  list(@Query() query: CdopQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.panels.list(user, query.cdopId);
  }

  @Post('panel-meetings')
  @Permission('cdop-admin')
  @ApiOperation({ summary: 'Arrange a panel meeting; the agenda defaults to every case ready for review' })
  create(@Body() body: CreatePanelMeetingDto, @CurrentUser() user: AuthenticatedUser) {
    return this.panels.create(user, body);
  }

  @Get('panel-meetings/:meetingId')
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member')
  @ApiOperation({ summary: 'A panel meeting with its agenda and the outcome recorded for each case' })
  get(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.panels.get(user, meetingId);
  }

  @Post('panel-meetings/:meetingId/agenda')
  @HttpCode(200)
  @Permission('cdop-admin')
  @ApiOperation({ summary: 'Add a case to the agenda' })
  addToAgenda(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @Body() body: AgendaCaseDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.panels.addToAgenda(user, meetingId, body);
  }

  @Post('panel-meetings/:meetingId/outcomes')
  @HttpCode(200)
  @Permission('cdop-admin')
  @ApiOperation({
    summary: 'Record the panel’s outcome for one case; "analysis-agreed" finalises its analysis',
  })
  outcome(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @Body() body: PanelOutcomeDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.panels.recordOutcome(user, meetingId, body);
  }

  @Get('panel-meetings/:meetingId/pack')
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member')
  @ApiOperation({
    summary: 'The panel pack’s content: every case on the agenda with its analysis (each read is audited)',
  })
  pack(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.documents.panelPackData(user, meetingId);
  }

  @Get('actions')
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member', 'read-only')
  @ApiOperation({ summary: 'Actions from finalised analyses, soonest due first, with overdue flagged' })
  listActions(@Query() query: ActionQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.actions.list(user, query);
  }

  @Patch('actions/:actionId')
  @Permission('cdop-admin')
  @ApiOperation({ summary: 'Update an action’s status' })
  updateAction(
    @Param('actionId', idPipe('action')) actionId: string,
    @Body() body: UpdateActionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.actions.update(user, actionId, body);
  }
}

@ApiTags('child deaths')
@ApiBearerAuth()
@Controller('api')
export class ChildDeathNoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('child-death-notices')
  @Permission(...ALL_ROLES)
  @ApiOperation({
    summary: 'Your child death notices: deaths notified, meeting invitations, forms requested, actions due',
  })
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.notices.mine(user);
  }

  @Post('child-death-notices/:noticeId/read')
  @HttpCode(200)
  @Permission(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark a notice as read' })
  read(@Param('noticeId', idPipe('notice')) noticeId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.notices.markRead(user, noticeId);
  }

  @Get('child-death-forms')
  @Permission(...PRACTITIONERS)
  @ApiOperation({
    summary:
      'The form definitions in use: analysis form versions, reporting forms, supplementary types, categories',
  })
  forms() {
    return {
      analysisForms: ANALYSIS_FORM_DEFINITIONS,
      reportingForms: REPORTING_FORM_DEFINITIONS,
      supplementaryFormTypes: SUPPLEMENTARY_FORM_TYPES,
      deathCategories: DEATH_CATEGORIES,
    };
  }
}
