import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { READERS } from '../notification.controller';
import {
  AvailabilityConfirmedDto,
  CommissionReviewerDto,
  ConflictDecisionDto,
  DeclarationDto,
  InvolvementDto,
  LcsprDecisionDto,
  LcsprInformedDto,
  PublicationDto,
  SupervisionRequestDto,
  SupervisionResponseDto,
  TermsOfReferenceDto,
} from './lcspr.dto';
import { LcsprService } from './lcspr.service';

@ApiTags('serious incidents: LCSPR')
@ApiBearerAuth()
@Controller('api/serious-incidents/:id/lcspr')
export class LcsprController {
  constructor(private readonly lcspr: LcsprService) {}

  @Get()
  @Permission(...READERS)
  @ApiOperation({ summary: 'The LCSPR record with what needs doing now' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.lcspr.get(id, user);
  }

  @Post()
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'Record the LCSPR decision with its rationale and criteria (WT 395)' })
  decide(@Param('id') id: string, @Body() body: LcsprDecisionDto, @CurrentUser() user: AuthenticatedUser) {
    return this.lcspr.decide(id, body, user);
  }

  @Post('informed')
  @HttpCode(200)
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'The Panel, Ofsted and the DfE were told, naming the reviewer (SI-LCSPR-INFORM)' })
  informed(@Param('id') id: string, @Body() body: LcsprInformedDto, @CurrentUser() user: AuthenticatedUser) {
    return this.lcspr.informed(id, body, user);
  }

  @Put('reviewer')
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'Commission the reviewer, assessed against WT 397' })
  commission(
    @Param('id') id: string,
    @Body() body: CommissionReviewerDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lcspr.commission(id, body, user);
  }

  @Post('reviewer/declaration')
  @HttpCode(200)
  @Permission('reviewer', 'partnership-manager')
  @ApiOperation({
    summary: "The reviewer's conflict of interest declaration; the reviewer sees the case only after it",
  })
  declare(@Param('id') id: string, @Body() body: DeclarationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.lcspr.declare(id, body, user);
  }

  @Put('reviewer/conflict-decision')
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'Whether a declared conflict of interest can be managed' })
  conflictDecision(
    @Param('id') id: string,
    @Body() body: ConflictDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lcspr.conflictDecision(id, body, user);
  }

  @Put('terms-of-reference')
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'The terms of reference agreed with the reviewer' })
  termsOfReference(
    @Param('id') id: string,
    @Body() body: TermsOfReferenceDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lcspr.termsOfReference(id, body, user);
  }

  @Post('supervision')
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'Log a written request to the reviewer (WT 401)' })
  supervisionRequest(
    @Param('id') id: string,
    @Body() body: SupervisionRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lcspr.supervisionRequest(id, body, user);
  }

  @Put('supervision/:entryId')
  @Permission('reviewer', 'partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: "Record the reviewer's written response to a request" })
  supervisionResponse(
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Body() body: SupervisionResponseDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lcspr.supervisionResponse(id, entryId, body, user);
  }

  @Post('involvement')
  @Permission('reviewer', 'partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'Log a practitioner or family member invited to contribute (WT 400)' })
  involvement(@Param('id') id: string, @Body() body: InvolvementDto, @CurrentUser() user: AuthenticatedUser) {
    return this.lcspr.involvement(id, body, user);
  }

  @Put('publication')
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({
    summary:
      'The publication plan: planned date (SI-LCSPR-PREPUB), dates sent, publication (SI-LCSPR-COMPLETE, SI-LCSPR-AVAILABLE), delay reasons',
  })
  publication(@Param('id') id: string, @Body() body: PublicationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.lcspr.publication(id, body, user);
  }

  @Post('publication/availability-confirmed')
  @HttpCode(200)
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiOperation({ summary: 'Confirm the report stayed publicly available for the full year (WT 405)' })
  availabilityConfirmed(
    @Param('id') id: string,
    @Body() body: AvailabilityConfirmedDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.lcspr.availabilityConfirmed(id, body, user);
  }
}
