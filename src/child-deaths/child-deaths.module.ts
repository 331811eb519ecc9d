import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { RemindersModule } from '../reminders/reminders.module';
import { SeriousIncidentsModule } from '../serious-incidents/serious-incidents.module';
import { AnalysisService } from './analysis.service';
import { CdopController, ChildDeathNoticesController } from './api/cdop.controller';
import { ChildDeathsController } from './api/child-deaths.controller';
import { InformationController } from './api/information.controller';
import { MeetingsAndAnalysisController } from './api/meetings.controller';
import { ReportingFormsController } from './api/reporting-forms.controller';
import { CaseClocks } from './case-clocks.service';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseQueryService } from './case-query.service';
import { CaseStore } from './case-store.service';
import { ChildDeathDocuments } from './child-death-documents.service';
import { ChildDeathsDemoSeeder } from './child-deaths-demo.seeder';
import { AnalysisForm } from './entities/analysis-form.entity';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { FamilyContact } from './entities/family-contact.entity';
import { Notice } from './entities/notice.entity';
import { ChildDeathNotification } from './entities/notification.entity';
import { PanelAgendaItem, PanelMeeting } from './entities/panel-meeting.entity';
import { ReportingRequest } from './entities/reporting-request.entity';
import { ReviewMeeting } from './entities/review-meeting.entity';
import { TrackedAction } from './entities/tracked-action.entity';
import { ImmediateDecisionsService } from './immediate-decisions.service';
import { InformationGatheringService } from './information-gathering.service';
import { NoticesService } from './notices.service';
import { NotificationIntakeService } from './notification-intake.service';
import { PanelMeetingsService } from './panel-meetings.service';
import { ReportingFormsService } from './reporting-forms.service';
import { ReviewMeetingsService } from './review-meetings.service';
import { SeriousIncidentLinks } from './serious-incident-links.service';
import { TrackedActionsService } from './tracked-actions.service';
import { AnalysisPagesController } from './web/analysis-pages.controller';
import { CaseForms } from './web/case-forms';
import { CaseFormsController } from './web/case-forms.controller';
import { CasePagesController } from './web/case-pages.controller';
import { NoticesPagesController, NoticesPanel } from './web/notices-pages.controller';
import { NotifyPagesController } from './web/notify-pages.controller';
import { PanelPagesController } from './web/panel-pages.controller';
import {
  ReportingFormPagesController,
  ReportingRequestPagesController,
} from './web/reporting-pages.controller';
import { ChildDeathSearch, ChildDeathWorkPanel } from './web/work-queues';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ChildDeathCase,
      ChildDeathNotification,
      ReportingRequest,
      FamilyContact,
      ReviewMeeting,
      AnalysisForm,
      PanelMeeting,
      PanelAgendaItem,
      TrackedAction,
      Notice,
    ]),
    DeadlinesModule,
    RemindersModule,
    SeriousIncidentsModule,
  ],
  controllers: [
    ChildDeathsController,
    InformationController,
    MeetingsAndAnalysisController,
    ReportingFormsController,
    CdopController,
    ChildDeathNoticesController,
    // Pages: more specific paths first, as the first route registered for a path wins.
    NotifyPagesController,
    CasePagesController,
    ReportingRequestPagesController,
    AnalysisPagesController,
    CaseFormsController,
    ReportingFormPagesController,
    PanelPagesController,
    NoticesPagesController,
  ],
  providers: [
    CaseStore,
    CaseClocks,
    NoticesService,
    SeriousIncidentLinks,
    NotificationIntakeService,
    CaseQueryService,
    ImmediateDecisionsService,
    CaseLifecycleService,
    InformationGatheringService,
    ReportingFormsService,
    ReviewMeetingsService,
    AnalysisService,
    PanelMeetingsService,
    TrackedActionsService,
    ChildDeathDocuments,
    ChildDeathsDemoSeeder,
    CaseForms,
    ChildDeathWorkPanel,
    ChildDeathSearch,
    NoticesPanel,
  ],
  exports: [CaseQueryService, CaseLifecycleService, ChildDeathDocuments, NoticesService, CaseStore],
})
export class ChildDeathsModule {}
