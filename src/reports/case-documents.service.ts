import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { TimeSource } from '../calendar/time-source';
import { addCalendarMonths } from '../calendar/working-days';
import { CaseQueryService } from '../child-deaths/case-query.service';
import { ChildDeathDocuments } from '../child-deaths/child-death-documents.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { IncidentAccess } from '../serious-incidents/incident-access.service';
import { incidentOrganisationIds } from '../serious-incidents/incident-organisations';
import { LcsprService } from '../serious-incidents/lcspr/lcspr.service';
import { NationalExportService } from '../serious-incidents/national-export.service';
import { organisationNames } from '../serious-incidents/partnership-directory';
import { RapidReviewService } from '../serious-incidents/rapid-review/rapid-review.service';
import { analysisForm, notificationSummary, panelPack } from './documents/child-death-documents';
import {
  IncidentContext,
  incidentNotification,
  prePublicationLetter,
  rapidReviewReport,
} from './documents/serious-incident-documents';
import type { PdfRequest } from './pdf.service';

/**
 * The documents about one case, each read through the owning module's own services and scope checks
 * (a case the caller may not see is a 404), which also record the read.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly childDeaths: ChildDeathDocuments,
    private readonly cases: CaseQueryService,
    private readonly incidents: IncidentAccess,
    private readonly national: NationalExportService,
    private readonly rapidReviews: RapidReviewService,
    private readonly lcsprs: LcsprService,
    private readonly deadlines: DeadlinesService,
    private readonly calendar: CalendarService,
    private readonly time: TimeSource,
  ) {}

  async notificationSummary(user: AuthenticatedUser, caseId: string): Promise<PdfRequest> {
    return notificationSummary(await this.cases.view(user, caseId));
  }

  async analysisForm(user: AuthenticatedUser, caseId: string): Promise<PdfRequest> {
    return analysisForm(await this.childDeaths.analysisFormData(user, caseId));
  }

  async panelPack(user: AuthenticatedUser, meetingId: string): Promise<PdfRequest> {
    return panelPack(await this.childDeaths.panelPackData(user, meetingId));
  }

  async incidentNotification(user: AuthenticatedUser, incidentId: string): Promise<PdfRequest> {
    const context = await this.incidentContext(user, incidentId);
    return incidentNotification(await this.national.forIncident(incidentId, user), context);
  }

  async rapidReview(user: AuthenticatedUser, incidentId: string): Promise<PdfRequest> {
    const context = await this.incidentContext(user, incidentId);
    const review = await this.rapidReviews.get(incidentId, user);
    if (!review) throw new ConflictException('No rapid review has been started for this incident');
    return rapidReviewReport(review, context);
  }

  async prePublicationLetter(user: AuthenticatedUser, incidentId: string): Promise<PdfRequest> {
    const context = await this.incidentContext(user, incidentId);
    const lcspr = await this.lcsprs.get(incidentId, user);
    if (lcspr?.decision !== 'lcspr') {
      throw new ConflictException('The partners have not decided to carry out an LCSPR for this incident');
    }
    const planned = lcspr.publication.plannedPublicationDate;
    if (!planned) {
      throw new ConflictException(
        'Record the planned publication date of the LCSPR before producing this letter',
      );
    }
    const clocks = await this.deadlines.listForCase(incidentId);
    const due = (rule: string) => clocks.find((c) => c.rule === rule)?.dueDate;
    // An LCSPR recorded before its clocks ran gets the same windows, worked out here.
    const sendBy = due('SI-LCSPR-PREPUB') ?? (await this.calendar.calendar()).workingDaysBefore(planned, 7);
    return prePublicationLetter(lcspr, context, {
      sendBy,
      publicationDue: due('SI-LCSPR-COMPLETE') ?? addCalendarMonths(lcspr.decidedOn, 6),
      today: this.time.today(),
    });
  }

  private async incidentContext(user: AuthenticatedUser, incidentId: string): Promise<IncidentContext> {
    const m = this.dataSource.manager;
    const incident = await this.incidents.read(m, incidentId, user);
    const names = await organisationNames(m, [incident.localAuthorityId, incident.partnershipId ?? '']);
    return {
      incident,
      organisationIds: incidentOrganisationIds(incident),
      localAuthorityName: names.get(incident.localAuthorityId) ?? 'Unknown local authority',
      partnershipName: incident.partnershipId ? (names.get(incident.partnershipId) ?? null) : null,
    };
  }
}
