import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { AddIncidentChildDto, UpdateIncidentChildDto } from './dto/child.dto';
import {
  CreateNotificationDto,
  CriteriaResolutionDto,
  ListIncidentsQuery,
  LocalLearningReviewDto,
  PartnerViewDto,
  PartnersInformedDto,
  SignOffDto,
  SubmitNotificationDto,
  UpdateNotificationDto,
} from './dto/notification.dto';
import { IncidentDeadlinesService } from './incident-deadlines.service';
import { NationalExportService } from './national-export.service';
import { NotificationWorkflowService } from './notification-workflow.service';
import { NotificationService } from './notification.service';
import { SAFEGUARDING_PARTNERS, SafeguardingPartner } from './rules/lcspr';

export function partnerParam(value: string): SafeguardingPartner {
  const partner = SAFEGUARDING_PARTNERS.find((p) => p === value);
  if (!partner)
    throw new BadRequestException([`partner must be one of: ${SAFEGUARDING_PARTNERS.join(', ')}`]);
  return partner;
}

/** Case data is for the people working the case; system administrators manage accounts, not cases. */
export const READERS = ALL_ROLES.filter((r) => r !== 'system-admin');

@ApiTags('serious incidents')
@ApiBearerAuth()
@Controller('api/serious-incidents')
export class NotificationController {
  constructor(
    private readonly notifications: NotificationService,
    private readonly workflow: NotificationWorkflowService,
    private readonly deadlines: IncidentDeadlinesService,
    private readonly national: NationalExportService,
  ) {}

  @Post()
  @Permission('la-notifier', 'dcs')
  @ApiOperation({ summary: 'Start a draft serious incident notification (WT 372–376)' })
  create(@Body() body: CreateNotificationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.notifications.create(body, user);
  }

  @Get()
  @Permission(...READERS)
  @ApiOperation({ summary: 'Incidents the caller may see, newest first' })
  list(@Query() query: ListIncidentsQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.notifications.list(user, query);
  }

  @Get(':id')
  @Permission(...READERS)
  @ApiOperation({ summary: 'The incident with its children, criteria reasoning and route' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.notifications.get(id, user);
  }

  @Patch(':id')
  @Permission('la-notifier', 'dcs')
  @ApiOperation({ summary: 'Change the notification; a signed-off draft goes back for sign-off' })
  update(
    @Param('id') id: string,
    @Body() body: UpdateNotificationDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notifications.update(id, body, user);
  }

  @Post(':id/children')
  @Permission('la-notifier', 'dcs')
  @ApiOperation({ summary: 'Add a child to the notification (identity may still be unknown)' })
  addChild(
    @Param('id') id: string,
    @Body() body: AddIncidentChildDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notifications.addChild(id, body, user);
  }

  @Patch(':id/children/:childId')
  @Permission('la-notifier', 'dcs')
  @ApiOperation({ summary: "Complete or correct a child's details, also after submission" })
  updateChild(
    @Param('id') id: string,
    @Param('childId') childId: string,
    @Body() body: UpdateIncidentChildDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notifications.updateChild(id, childId, body, user);
  }

  @Post(':id/sign-off')
  @HttpCode(200)
  @Permission('dcs')
  @ApiOperation({ summary: 'The DCS of the notifying local authority signs off the notification (WT 370)' })
  signOff(@Param('id') id: string, @Body() body: SignOffDto, @CurrentUser() user: AuthenticatedUser) {
    return this.workflow.signOff(id, body, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Permission('la-notifier', 'dcs')
  @ApiOperation({ summary: 'Record that the notification went to the Panel; 422 with reasons if not ready' })
  submit(
    @Param('id') id: string,
    @Body() body: SubmitNotificationDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.workflow.submit(id, body, user);
  }

  @Post(':id/partners-informed')
  @HttpCode(200)
  @Permission('la-notifier', 'dcs', 'partnership-manager')
  @ApiOperation({ summary: 'The safeguarding partners and other areas were told (SI-PARTNERS)' })
  partnersInformed(
    @Param('id') id: string,
    @Body() body: PartnersInformedDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.workflow.partnersInformed(id, body, user);
  }

  @Put(':id/partner-views/:partner')
  @Permission('safeguarding-partner', 'partnership-manager')
  @ApiParam({ name: 'partner', enum: SAFEGUARDING_PARTNERS })
  @ApiOperation({ summary: "A safeguarding partner's view on whether the criteria are met" })
  partnerView(
    @Param('id') id: string,
    @Param('partner') partner: string,
    @Body() body: PartnerViewDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.workflow.partnerView(id, partnerParam(partner), body, user);
  }

  @Put(':id/criteria-resolution')
  @Permission('safeguarding-partner', 'partnership-manager')
  @ApiOperation({ summary: 'How a disagreement about the criteria was resolved' })
  resolveCriteria(
    @Param('id') id: string,
    @Body() body: CriteriaResolutionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.workflow.resolveCriteria(id, body, user);
  }

  @Put(':id/local-learning-review')
  @Permission('la-notifier', 'dcs', 'safeguarding-partner', 'partnership-manager')
  @ApiOperation({ summary: 'Record a local learning review for an incident that does not meet the criteria' })
  localLearningReview(
    @Param('id') id: string,
    @Body() body: LocalLearningReviewDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.workflow.localLearningReview(id, body, user);
  }

  @Get(':id/deadlines')
  @Permission(...READERS)
  @ApiOkResponse({ description: 'Every clock of the incident in the contract deadline shape' })
  @ApiOperation({ summary: "The incident's clocks" })
  deadlinesFor(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.deadlines.forIncident(id, user);
  }

  @Get(':id/national-notification')
  @Permission(...READERS)
  @ApiOperation({
    summary:
      'The notification in the national notification service shape: four children in structured fields, the rest as free text',
  })
  nationalNotification(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.national.forIncident(id, user);
  }
}
