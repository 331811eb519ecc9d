import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import {
  CompleteActionDto,
  CreateRecommendationDto,
  NewActionDto,
  ProgressUpdateDto,
  RecommendationQuery,
  UpdateActionDto,
} from './recommendations.dto';
import { RecommendationsService } from './recommendations.service';

const READERS = [
  'cdop-admin',
  'designated-doctor',
  'cdop-panel-member',
  'la-notifier',
  'dcs',
  'safeguarding-partner',
  'partnership-manager',
  'read-only',
] as const;

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('api/recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Post()
  @Permission('partnership-manager', 'safeguarding-partner', 'cdop-admin')
  @ApiOperation({
    summary: 'Record a recommendation from an LCSPR, rapid review, national review or CDOP, with its actions',
  })
  create(@Body() body: CreateRecommendationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.recommendations.create(body, user);
  }

  @Get()
  @Permission(...READERS)
  @ApiOperation({
    summary: 'The partnership view across all reviews, filterable by agency, theme and action status',
  })
  list(@Query() query: RecommendationQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.recommendations.list(user, query);
  }

  @Get(':id')
  @Permission(...READERS)
  @ApiOperation({ summary: 'A recommendation with its actions' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.recommendations.get(id, user);
  }

  @Post(':id/actions')
  @Permission('partnership-manager', 'safeguarding-partner', 'cdop-admin')
  @ApiOperation({ summary: 'Add an action with its owner agency and due date' })
  addAction(@Param('id') id: string, @Body() body: NewActionDto, @CurrentUser() user: AuthenticatedUser) {
    return this.recommendations.addAction(id, body, user);
  }

  @Patch('actions/:actionId')
  @Permission('partnership-manager', 'safeguarding-partner', 'cdop-admin')
  @ApiOperation({ summary: 'Change an action (owner, due date, RAG, evidence of impact)' })
  updateAction(
    @Param('actionId') actionId: string,
    @Body() body: UpdateActionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.recommendations.updateAction(actionId, body, user);
  }

  @Post('actions/:actionId/progress')
  @HttpCode(200)
  @Permission('partnership-manager', 'safeguarding-partner', 'cdop-admin', 'la-notifier', 'dcs')
  @ApiOperation({ summary: 'Add a progress update with the RAG status now' })
  progress(
    @Param('actionId') actionId: string,
    @Body() body: ProgressUpdateDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.recommendations.progress(actionId, body, user);
  }

  @Post('actions/:actionId/complete')
  @HttpCode(200)
  @Permission('partnership-manager', 'safeguarding-partner', 'cdop-admin')
  @ApiOperation({ summary: 'Complete an action with the evidence of its impact (WT 410)' })
  complete(
    @Param('actionId') actionId: string,
    @Body() body: CompleteActionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.recommendations.complete(actionId, body, user);
  }
}
