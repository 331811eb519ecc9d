import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { CreateNationalReviewDto, UpdateNationalReviewDto } from './national-review.dto';
import { NationalReviewService } from './national-review.service';

const ORGANISATIONAL_READERS = [
  'cdop-admin',
  'designated-doctor',
  'cdop-panel-member',
  'la-notifier',
  'dcs',
  'safeguarding-partner',
  'partnership-manager',
  'read-only',
] as const;

@ApiTags('serious incidents: national reviews')
@ApiBearerAuth()
@Controller('api/national-reviews')
export class NationalReviewController {
  constructor(private readonly reviews: NationalReviewService) {}

  @Post()
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: "Record the Panel's decision on a national review of one incident or a theme" })
  create(@Body() body: CreateNationalReviewDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reviews.create(body, user);
  }

  @Get()
  @Permission(...ORGANISATIONAL_READERS)
  @ApiOperation({ summary: 'National reviews covering incidents the caller may see' })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.reviews.list(user);
  }

  @Get(':id')
  @Permission(...ORGANISATIONAL_READERS)
  @ApiOperation({ summary: 'A national review with its SI-NATIONAL-* clocks' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reviews.get(id, user);
  }

  @Patch(':id')
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({
    summary: 'Scope, reviewer, publication plan and publication (SI-NATIONAL-PREPUB, -COMPLETE, -AVAILABLE)',
  })
  update(
    @Param('id') id: string,
    @Body() body: UpdateNationalReviewDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reviews.update(id, body, user);
  }
}
