import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeadlineView } from '../../deadlines/deadline-view';
import type { CaseScope } from '../../identity/access.service';
import type { AuthenticatedUser } from '../../identity/permissions';
import { IncidentAccess } from '../incident-access.service';
import { IncidentClocks } from '../incident-clocks.service';
import type { IncidentView } from '../incident-view';
import { LcsprRecord } from '../lcspr.entity';
import { lcsprView, LcsprView } from '../lcspr/lcspr-view';
import { NotificationService } from '../notification.service';
import { organisationNames } from '../partnership-directory';
import { RapidReviewRecord } from '../rapid-review.entity';
import { rapidReviewView, RapidReviewView } from '../rapid-review/rapid-review-view';
import { SeriousIncident } from '../serious-incident.entity';

/** Everything a page about one incident shows; the read is audited once, by the notification service. */
export interface IncidentContext {
  incident: IncidentView;
  rapidReview: RapidReviewView | null;
  lcspr: LcsprView | null;
  deadlines: DeadlineView[];
  names: Map<string, string>;
  scope: CaseScope;
}

@Injectable()
export class IncidentPageContext {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly clocks: IncidentClocks,
    private readonly access: IncidentAccess,
  ) {}

  async load(id: string, user: AuthenticatedUser): Promise<IncidentContext> {
    const incident = await this.notifications.get(id, user);
    const m = this.dataSource.manager;
    const deadlines = await this.clocks.list(m, incident.id);
    const review = await m.findOne(RapidReviewRecord, { where: { incidentId: incident.id } });
    const lcspr = await m.findOne(LcsprRecord, { where: { incidentId: incident.id } });
    const names = await organisationNames(m, [
      incident.localAuthorityId,
      incident.leadLocalAuthorityId,
      ...incident.involvedLocalAuthorityIds,
      ...(incident.partnershipId ? [incident.partnershipId] : []),
      ...incident.children.map((c) => c.normallyResidentLocalAuthorityId ?? ''),
    ]);
    const entity = await m.findOneByOrFail(SeriousIncident, { id: incident.id });
    return {
      incident,
      scope: await this.access.scope(m, entity),
      rapidReview: review ? rapidReviewView(review) : null,
      lcspr: lcspr ? lcsprView(lcspr, deadlines) : null,
      deadlines,
      names,
    };
  }
}
