import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DeadlineView } from '../deadlines/deadline-view';
import type { AuthenticatedUser } from '../identity/permissions';
import { IncidentAccess } from './incident-access.service';
import { IncidentClocks } from './incident-clocks.service';
import { incidentOrganisationIds } from './incident-organisations';

@Injectable()
export class IncidentDeadlinesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly clocks: IncidentClocks,
    private readonly audit: AuditService,
  ) {}

  async forIncident(id: string, user: AuthenticatedUser): Promise<DeadlineView[]> {
    const m = this.dataSource.manager;
    const incident = await this.access.read(m, id, user);
    const deadlines = await this.clocks.list(m, incident.id);
    await this.audit.record({
      action: 'case.read',
      actor: user,
      caseId: incident.id,
      organisationIds: incidentOrganisationIds(incident),
      details: { caseType: 'si', part: 'deadlines' },
    });
    return deadlines;
  }
}
