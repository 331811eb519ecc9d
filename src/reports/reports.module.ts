import { Module } from '@nestjs/common';
import { ChildDeathsModule } from '../child-deaths/child-deaths.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { RecommendationsModule } from '../recommendations/recommendations.module';
import { SeriousIncidentsModule } from '../serious-incidents/serious-incidents.module';
import { ChildDeathPdfController } from './api/child-death-pdf.controller';
import { ReportsPdfController } from './api/reports-pdf.controller';
import { SeriousIncidentPdfController } from './api/serious-incident-pdf.controller';
import { CaseDocumentsService } from './case-documents.service';
import { PdfService } from './pdf.service';
import { ReportDocumentsService } from './report-documents.service';
import { ReportsPagesController } from './web/reports.pages';

/** PDF documents and reports, printed by one shared sealed Chromium (PdfService). */
@Module({
  imports: [ChildDeathsModule, SeriousIncidentsModule, RecommendationsModule, DeadlinesModule],
  controllers: [
    ChildDeathPdfController,
    SeriousIncidentPdfController,
    ReportsPdfController,
    ReportsPagesController,
  ],
  providers: [PdfService, CaseDocumentsService, ReportDocumentsService],
  exports: [PdfService, CaseDocumentsService, ReportDocumentsService],
})
export class ReportsModule {}
