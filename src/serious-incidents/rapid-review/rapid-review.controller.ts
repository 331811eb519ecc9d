import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { READERS } from '../notification.controller';
import {
  ContributionReceivedDto,
  PanelReplyDto,
  RapidReviewSignOffDto,
  RequestContributionDto,
  SaveRapidReviewDto,
  SubmitRapidReviewDto,
} from './rapid-review.dto';
import { RapidReviewService } from './rapid-review.service';

@ApiTags('serious incidents: rapid review')
@ApiBearerAuth()
@Controller('api/serious-incidents/:id/rapid-review')
export class RapidReviewController {
  constructor(private readonly reviews: RapidReviewService) {}

  @Get()
  @Permission(...READERS)
  @ApiOperation({ summary: 'The rapid review with what is still missing before it can be submitted' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reviews.get(id, user);
  }

  @Put()
  @Permission('partnership-manager', 'safeguarding-partner', 'la-notifier')
  @ApiOperation({ summary: 'Save the rapid review (sections not sent keep their saved value)' })
  save(@Param('id') id: string, @Body() body: SaveRapidReviewDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reviews.save(id, body, user);
  }

  @Post('sign-off')
  @HttpCode(200)
  @Permission('safeguarding-partner', 'partnership-manager')
  @ApiOperation({
    summary:
      'A safeguarding partner signs off (or a partnership manager records it with the name of who agreed)',
  })
  signOff(
    @Param('id') id: string,
    @Body() body: RapidReviewSignOffDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reviews.signOff(id, body, user);
  }

  @Post('submit')
  @HttpCode(200)
  @Permission('safeguarding-partner', 'partnership-manager')
  @ApiOperation({
    summary: 'Send to the Panel; 422 naming each missing section or sign-off (SI-RAPID-REVIEW)',
  })
  submit(
    @Param('id') id: string,
    @Body() body: SubmitRapidReviewDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reviews.submit(id, body, user);
  }

  @Post('contributions')
  @Permission('partnership-manager', 'safeguarding-partner', 'la-notifier')
  @ApiOperation({ summary: 'Ask an agency for its contribution, with a date it is due' })
  requestContribution(
    @Param('id') id: string,
    @Body() body: RequestContributionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reviews.requestContribution(id, body, user);
  }

  @Put('contributions/:contributionId')
  @Permission('partnership-manager', 'safeguarding-partner', 'la-notifier')
  @ApiOperation({ summary: "Record an agency's contribution as received" })
  contributionReceived(
    @Param('id') id: string,
    @Param('contributionId') contributionId: string,
    @Body() body: ContributionReceivedDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reviews.contributionReceived(id, contributionId, body, user);
  }

  @Put('panel-reply')
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: "The Panel's reply, with its decision on a national review" })
  panelReply(@Param('id') id: string, @Body() body: PanelReplyDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reviews.panelReply(id, body, user);
  }
}
