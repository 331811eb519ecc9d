import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TimeSource } from '../calendar/time-source';
import type { AuthenticatedUser } from '../identity/permissions';
import { IncidentAccess } from './incident-access.service';
import { IncidentClocks } from './incident-clocks.service';
import { incidentOrganisationIds } from './incident-organisations';
import { LcsprRecord } from './lcspr.entity';
import { RapidReviewRecord } from './rapid-review.entity';
import { SeriousIncident } from './serious-incident.entity';

type PartRecord = RapidReviewRecord | LcsprRecord;

/**
 * The rapid review and the LCSPR are each one record per incident, read, locked and saved the same way:
 * a read is audited against the case, a change is saved and audited in the caller's transaction.
 */
@Injectable()
export abstract class IncidentPartService<R extends PartRecord> {
  protected abstract readonly entity: new () => R;
  /** The part of the case named in the audit trail. */
  protected abstract readonly part: string;

  constructor(
    @InjectDataSource() protected readonly dataSource: DataSource,
    protected readonly access: IncidentAccess,
    protected readonly clocks: IncidentClocks,
    protected readonly audit: AuditService,
    protected readonly time: TimeSource,
  ) {}

  protected async readPart(id: string, user: AuthenticatedUser) {
    const m = this.dataSource.manager;
    const incident = await this.access.read(m, id, user);
    const record = await m.findOne(this.entity, { where: this.ofIncident(incident.id) });
    await this.audit.record({
      action: 'case.read',
      actor: user,
      caseId: incident.id,
      organisationIds: incidentOrganisationIds(incident),
      details: { caseType: 'si', part: this.part },
    });
    return { m, incident, record };
  }

  protected lock(m: EntityManager, incidentId: string): Promise<R | null> {
    return m.findOne(this.entity, {
      where: this.ofIncident(incidentId),
      lock: { mode: 'pessimistic_write' },
    });
  }

  protected async saveAudited(
    m: EntityManager,
    incident: SeriousIncident,
    record: R,
    user: AuthenticatedUser,
    action: string,
    details: Record<string, unknown>,
  ): Promise<R> {
    record.updatedAt = new Date();
    const saved = await m.save(record);
    await this.audit.record(
      {
        action,
        actor: user,
        caseId: incident.id,
        organisationIds: incidentOrganisationIds(incident),
        details: { caseType: 'si', ...details },
      },
      m,
    );
    return saved;
  }

  private ofIncident(incidentId: string): FindOptionsWhere<R> {
    return { incidentId } as FindOptionsWhere<R>;
  }
}
