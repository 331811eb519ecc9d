import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { PARTNERSHIP_ROLES } from '../../serious-incidents/incident-access.service';
import { READERS } from '../../serious-incidents/notification.controller';
import { CaseDocumentsService } from '../case-documents.service';
import { PdfService } from '../pdf.service';
import { pdfDownload } from '../pdf-response';
import { PdfRoute } from './pdf-route';

@ApiTags('PDF reports')
@ApiBearerAuth()
@Controller('api/serious-incidents')
export class SeriousIncidentPdfController {
  constructor(
    private readonly documents: CaseDocumentsService,
    private readonly pdf: PdfService,
  ) {}

  @Get(':id/notification.pdf')
  @Permission(...READERS)
  @PdfRoute(
    'The serious incident notification as PDF, laid out as the national notification service takes it',
  )
  async notification(
    @Param('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return pdfDownload(res, await this.pdf.print(await this.documents.incidentNotification(user, id), user));
  }

  @Get(':id/rapid-review.pdf')
  @Permission(...READERS)
  @PdfRoute(
    'The rapid review as PDF, in the five sections of its purpose (WT 392–393)',
    '409 when no rapid review has been started.',
  )
  async rapidReview(
    @Param('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return pdfDownload(res, await this.pdf.print(await this.documents.rapidReview(user, id), user));
  }

  @Get(':id/lcspr/pre-publication-letter.pdf')
  @Permission(...PARTNERSHIP_ROLES, 'dcs')
  @PdfRoute(
    'The letter sending the LCSPR report to the Panel and the Secretary of State before publication (WT 407)',
    '409 until an LCSPR has been decided and its planned publication date recorded.',
  )
  async prePublicationLetter(
    @Param('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return pdfDownload(res, await this.pdf.print(await this.documents.prePublicationLetter(user, id), user));
  }
}
