import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { PdfService } from '../pdf.service';
import { pdfDownload } from '../pdf-response';
import { ReportDocumentsService } from '../report-documents.service';
import {
  CdopAnnualQuery,
  DeadlineComplianceQuery,
  PartnershipYearlyQuery,
  TrackerQuery,
} from '../report-queries.dto';
import { PdfRoute } from './pdf-route';

/** Reports about an organisation: 404 for an organisation the caller cannot see. */
@ApiTags('PDF reports')
@ApiBearerAuth()
@Controller('api')
export class ReportsPdfController {
  constructor(
    private readonly reports: ReportDocumentsService,
    private readonly pdf: PdfService,
  ) {}

  @Get('reports/cdop-annual.pdf')
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member', 'read-only')
  @PdfRoute(
    'The CDOP annual report for a reporting year (1 April to 31 March) as PDF (WT 456)',
    'published=true gives the de-identified version to publish, with small numbers withheld.',
  )
  async cdopAnnual(
    @Query() query: CdopAnnualQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const request = await this.reports.cdopAnnual(user, query.cdopId, query.year, query.published ?? false);
    return pdfDownload(res, await this.pdf.print(request, user));
  }

  @Get('reports/partnership-yearly.pdf')
  @Permission('partnership-manager', 'safeguarding-partner', 'dcs')
  @PdfRoute(
    'The safeguarding partnership yearly report data pack for a financial year as PDF',
    'published=true gives the de-identified version to publish, with small numbers withheld.',
  )
  async partnershipYearly(
    @Query() query: PartnershipYearlyQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const request = await this.reports.partnershipYearly(
      user,
      query.partnershipId,
      query.year,
      query.published ?? false,
    );
    return pdfDownload(res, await this.pdf.print(request, user));
  }

  @Get('reports/deadline-compliance.pdf')
  @Permission(
    'cdop-admin',
    'designated-doctor',
    'partnership-manager',
    'safeguarding-partner',
    'dcs',
    'read-only',
  )
  @PdfRoute(
    'Every clock of the organisation due from `from` to `to`: met, met late or overdue, with the share on time per rule',
  )
  async deadlineCompliance(
    @Query() query: DeadlineComplianceQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const request = await this.reports.deadlineCompliance(user, query.organisationId, query.from, query.to);
    return pdfDownload(res, await this.pdf.print(request, user));
  }

  @Get('reports/recommendations-tracker.pdf')
  @Permission('partnership-manager', 'safeguarding-partner', 'dcs', 'cdop-admin', 'read-only')
  @PdfRoute('The recommendations and actions tracker of an organisation as PDF (WT 403, 410)')
  async tracker(
    @Query() query: TrackerQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const request = await this.reports.recommendationsTracker(user, query.organisationId);
    return pdfDownload(res, await this.pdf.print(request, user));
  }
}
