import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { IncidentAccess } from './incident-access.service';
import { IncidentChild } from './incident-child.entity';
import { routingFacts } from './incident-facts';
import { incidentOrganisationIds } from './incident-organisations';
import { organisationNames } from './partnership-directory';
import { NationalNotification, toNationalNotification } from './rules/national-notification-shape';

export interface NationalNotificationExport extends NationalNotification {
  reference: string;
  status: string;
  nationalReference: string | null;
}

/**
 * The notification in the shape the national notification service takes, so the local authority can
 * copy it across accurately (issue 7, item 3). The PDF and the printable page render this same data.
 */
@Injectable()
export class NationalExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly audit: AuditService,
  ) {}

  async forIncident(id: string, user: AuthenticatedUser): Promise<NationalNotificationExport> {
    const m = this.dataSource.manager;
    const incident = await this.access.read(m, id, user);
    const children = await m.find(IncidentChild, { where: { incidentId: id }, order: { position: 'ASC' } });
    const facts = routingFacts(incident, children);
    const names = await organisationNames(m, [
      incident.localAuthorityId,
      ...children.map((c) => c.normallyResidentLocalAuthorityId ?? ''),
    ]);
    const national = toNationalNotification(facts, (orgId) => names.get(orgId) ?? orgId);
    await this.audit.record({
      action: 'case.export',
      actor: user,
      caseId: incident.id,
      organisationIds: incidentOrganisationIds(incident),
      details: { caseType: 'si', format: 'national-notification' },
    });
    return {
      ...national,
      reference: incident.reference,
      status: incident.status,
      nationalReference: incident.nationalReference,
    };
  }
}
