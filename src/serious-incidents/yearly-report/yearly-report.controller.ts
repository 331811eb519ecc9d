import { BadRequestException, Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { YearlyReportDto } from './yearly-report.dto';
import { YearlyReportService } from './yearly-report.service';

function yearParam(value: string): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= 2000 && year <= 2100)) {
    throw new BadRequestException(['financialYear must be the year the financial year starts, such as 2025']);
  }
  return year;
}

@ApiTags('safeguarding partnerships: yearly report')
@ApiBearerAuth()
@Controller('api/yearly-reports/:partnershipId/:financialYear')
export class YearlyReportController {
  constructor(private readonly reports: YearlyReportService) {}

  @Get()
  @Permission('partnership-manager', 'safeguarding-partner', 'dcs', 'read-only')
  @ApiParam({ name: 'financialYear', description: 'The year the financial year starts (2025 for 2025-26)' })
  @ApiOperation({ summary: 'The figures for the yearly report (WT 112–113, 411) and its clocks' })
  @ApiOkResponse({
    description:
      '`data` holds the figures the yearly report PDF prints: `notifications` (submitted in the year: ' +
      '`total`, `byType`, `involvingLookedAfterChildrenOrCareLeavers`, SI-NOTIFY `timeliness`), ' +
      '`rapidReviews` of those notifications by their SI-RAPID-REVIEW clock (`byOutcome`: `met`, ' +
      '`met-late`, `overdue` = past due and not sent, `open` = not yet due or paused), `lcsprs` (`started`, ' +
      '`decidedNotToHold`, `published`, `publishedOnTime` and `publishedLate` against the SI-LCSPR-COMPLETE ' +
      'due date, which pauses move on, `inProgress` at the year end, `delaysExplained`), ' +
      '`localLearningReviews`, `nationalReviews`, the `recommendations` made in the year and their ' +
      '`actions` by status today (`byStatus`), `learningThemes` of the rapid reviews and ' +
      '`recommendationThemes`',
  })
  get(
    @Param('partnershipId') partnershipId: string,
    @Param('financialYear') year: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reports.get(partnershipId, yearParam(year), user);
  }

  @Put()
  @Permission('partnership-manager', 'safeguarding-partner')
  @ApiParam({ name: 'financialYear', description: 'The year the financial year starts (2025 for 2025-26)' })
  @ApiOperation({
    summary:
      'Start the year’s record (SP-YEARLY-REPORT), record publication and sending (SP-YEARLY-REPORT-SEND)',
  })
  save(
    @Param('partnershipId') partnershipId: string,
    @Param('financialYear') year: string,
    @Body() body: YearlyReportDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reports.save(partnershipId, yearParam(year), body, user);
  }
}
