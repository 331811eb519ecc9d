import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { AttachmentController } from './attachments/attachment.controller';
import { AttachmentService } from './attachments/attachment.service';
import { IncidentAccess } from './incident-access.service';
import { IncidentAttachment } from './incident-attachment.entity';
import { IncidentChild } from './incident-child.entity';
import { IncidentClocks } from './incident-clocks.service';
import { IncidentDeadlinesService } from './incident-deadlines.service';
import { IncidentOpening } from './incident-opening.service';
import { LcsprController } from './lcspr/lcspr.controller';
import { LcsprService } from './lcspr/lcspr.service';
import { LcsprRecord } from './lcspr.entity';
import { NationalExportService } from './national-export.service';
import { NationalReview } from './national-review.entity';
import { NationalReviewController } from './national-reviews/national-review.controller';
import { NationalReviewService } from './national-reviews/national-review.service';
import { NotificationWorkflowService } from './notification-workflow.service';
import { NotificationController } from './notification.controller';
import { NotificationService } from './notification.service';
import { RapidReviewController } from './rapid-review/rapid-review.controller';
import { RapidReviewService } from './rapid-review/rapid-review.service';
import { RapidReviewRecord } from './rapid-review.entity';
import { SeriousIncident } from './serious-incident.entity';
import { SeriousIncidentReferralService } from './serious-incident-referral.service';
import { IncidentForms } from './web/incident-forms';
import { IncidentPagesController } from './web/incident-pages.controller';
import { NotifyPagesController } from './web/notify-pages.controller';
import { IncidentPageContext } from './web/page-context.service';
import { IncidentSearch, NotifierWorkPanel, PartnershipWorkPanel } from './web/work-queues';
import { YearlyReportController } from './yearly-report/yearly-report.controller';
import { YearlyReportService } from './yearly-report/yearly-report.service';
import { YearlyReport } from './yearly-report.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SeriousIncident,
      IncidentChild,
      IncidentAttachment,
      RapidReviewRecord,
      LcsprRecord,
      NationalReview,
      YearlyReport,
    ]),
    DeadlinesModule,
    // Without a destination multer keeps the upload in memory, and only up to the limit: larger is a 413.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 5 },
      }),
    }),
  ],
  controllers: [
    NotificationController,
    AttachmentController,
    RapidReviewController,
    LcsprController,
    NationalReviewController,
    YearlyReportController,
    // The list and the new-notification page come before the case pages' /serious-incidents/:id.
    NotifyPagesController,
    IncidentPagesController,
  ],
  providers: [
    IncidentAccess,
    IncidentClocks,
    IncidentOpening,
    IncidentDeadlinesService,
    NotificationService,
    NotificationWorkflowService,
    NationalExportService,
    AttachmentService,
    SeriousIncidentReferralService,
    RapidReviewService,
    LcsprService,
    NationalReviewService,
    YearlyReportService,
    IncidentPageContext,
    IncidentForms,
    NotifierWorkPanel,
    PartnershipWorkPanel,
    IncidentSearch,
  ],
  exports: [
    SeriousIncidentReferralService,
    IncidentAccess,
    IncidentClocks,
    NotificationService,
    NotificationWorkflowService,
    RapidReviewService,
    LcsprService,
    YearlyReportService,
    NationalExportService,
  ],
})
export class SeriousIncidentsModule {}
