import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseIdPipe, idPipe } from '../../child-deaths/ids';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { CaseDocumentsService } from '../case-documents.service';
import { PdfService } from '../pdf.service';
import { pdfDownload } from '../pdf-response';
import { PdfRoute } from './pdf-route';

/** The CDOP's documents: who reviews deaths reads them; the case's scope decides (404 otherwise). */
const CDOP_READERS = ['cdop-admin', 'designated-doctor', 'cdop-panel-member', 'read-only'] as const;

@ApiTags('PDF reports')
@ApiBearerAuth()
@Controller('api')
export class ChildDeathPdfController {
  constructor(
    private readonly documents: CaseDocumentsService,
    private readonly pdf: PdfService,
  ) {}

  @Get('child-deaths/:caseId/notification-summary.pdf')
  @Permission(...CDOP_READERS)
  @PdfRoute('The child death notification summary as PDF')
  async notificationSummary(
    @Param('caseId', CaseIdPipe) caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return pdfDownload(
      res,
      await this.pdf.print(await this.documents.notificationSummary(user, caseId), user),
    );
  }

  @Get('child-deaths/:caseId/analysis.pdf')
  @Permission(...CDOP_READERS)
  @PdfRoute(
    'The analysis form as PDF',
    'Watermarked DRAFT until the CDOP agrees it, then "FINAL — agreed by CDOP on <date>". 409 when no analysis form has been drafted.',
  )
  async analysisForm(
    @Param('caseId', CaseIdPipe) caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return pdfDownload(res, await this.pdf.print(await this.documents.analysisForm(user, caseId), user));
  }

  @Get('cdop/panel-meetings/:meetingId/pack.pdf')
  @Permission('cdop-admin', 'designated-doctor', 'cdop-panel-member')
  @PdfRoute('The CDOP panel pack as PDF: the agenda, then the analysis form of each case on it')
  async panelPack(
    @Param('meetingId', idPipe('panel meeting')) meetingId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return pdfDownload(res, await this.pdf.print(await this.documents.panelPack(user, meetingId), user));
  }
}
