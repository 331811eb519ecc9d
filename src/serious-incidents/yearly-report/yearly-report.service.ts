import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { TimeSource } from '../../calendar/time-source';
import { assertVersion } from '../../common/optimistic-lock';
import { Organisation } from '../../identity/organisation.entity';
import type { AuthenticatedUser } from '../../identity/permissions';
import { IncidentAccess, UUID } from '../incident-access.service';
import { ClockOwner, IncidentClocks } from '../incident-clocks.service';
import { YearlyReport } from '../yearly-report.entity';
import { financialYear } from './financial-year';
import type { YearlyFigures } from './yearly-figures';
import { partnershipYearlyFigures } from './yearly-figures.queries';
import { YearlyReportDto } from './yearly-report.dto';

/**
 * Support for the safeguarding partners' yearly report (WT 112–115): the figures for a financial year,
 * and the clocks to publish it by 30 September (SP-YEARLY-REPORT) and send it on (SP-YEARLY-REPORT-SEND).
 */
@Injectable()
export class YearlyReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly clocks: IncidentClocks,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
  ) {}

  /** The record, its clocks and the year's figures; the figures are there before any record exists. */
  async get(partnershipId: string, year: number, user: AuthenticatedUser) {
    const m = this.dataSource.manager;
    const partnership = await this.partnership(m, partnershipId, user);
    const record = await m.findOne(YearlyReport, { where: { partnershipId, financialYear: year } });
    const { from, to, label } = financialYear(year);
    const figures = await partnershipYearlyFigures(m, partnership, { from, to }, this.time.now());
    const data = { partnershipId: partnership.id, financialYear: year, label, from, to, ...figures };
    await this.audit.record({
      action: 'report.read',
      actor: user,
      organisationIds: [partnership.id],
      details: { report: 'yearly-report-data', financialYear: year },
    });
    return this.view(m, partnership, year, record, data);
  }

  /** Starts the year's record (and SP-YEARLY-REPORT) or records its publication and sending. */
  async save(partnershipId: string, year: number, dto: YearlyReportDto, user: AuthenticatedUser) {
    return this.dataSource.transaction(async (m) => {
      const partnership = await this.partnership(m, partnershipId, user, true);
      const { to } = financialYear(year);
      const existing = await m.findOne(YearlyReport, {
        where: { partnershipId, financialYear: year },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing) assertVersion(existing, dto.version, 'yearly report');
      for (const field of ['publishedOn', 'sentOn'] as const) {
        const value = dto[field];
        if (value && value > this.time.today())
          throw new BadRequestException([`${field} cannot be in the future`]);
      }
      if (dto.publishedOn && dto.publishedOn <= to) {
        throw new BadRequestException([`publishedOn must be after the end of the financial year (${to})`]);
      }
      const record = existing ?? m.create(YearlyReport, { partnershipId, financialYear: year });
      if (dto.publishedOn !== undefined) record.publishedOn = dto.publishedOn;
      if (dto.publicationUrl !== undefined) record.publicationUrl = dto.publicationUrl;
      if (dto.sentOn !== undefined) record.sentOn = dto.sentOn;
      if (record.sentOn && !record.publishedOn) throw new BadRequestException(['sentOn needs publishedOn']);
      record.updatedAt = new Date();
      const saved = await m.save(record);
      const owner = this.owner(partnership, saved);
      await this.clocks.start(m, owner, 'SP-YEARLY-REPORT', { date: to });
      if (saved.publishedOn) {
        await this.clocks.meet(m, saved.id, 'SP-YEARLY-REPORT', saved.publishedOn);
        await this.clocks.start(m, owner, 'SP-YEARLY-REPORT-SEND', { date: saved.publishedOn });
      }
      if (saved.sentOn) await this.clocks.meet(m, saved.id, 'SP-YEARLY-REPORT-SEND', saved.sentOn);
      await this.audit.record(
        {
          action: existing ? 'report.yearly-update' : 'report.yearly-start',
          actor: user,
          caseId: saved.id,
          organisationIds: owner.organisationIds,
          details: { financialYear: year, publishedOn: saved.publishedOn, sentOn: saved.sentOn },
        },
        m,
      );
      return this.view(m, partnership, year, saved, null);
    });
  }

  private owner(partnership: Organisation, record: YearlyReport): ClockOwner {
    return {
      id: record.id,
      reference: `Yearly report ${financialYear(record.financialYear).label}`,
      path: `/serious-incidents/yearly-report/${partnership.id}/${record.financialYear}`,
      organisationIds: [partnership.id, ...partnership.coversLocalAuthorityIds],
      defaultsOrganisationId: partnership.id,
    };
  }

  private async view(
    m: EntityManager,
    partnership: Organisation,
    year: number,
    record: YearlyReport | null,
    data: (YearlyFigures & { from: string; to: string }) | null,
  ) {
    return {
      partnershipId: partnership.id,
      partnershipName: partnership.name,
      financialYear: year,
      label: financialYear(year).label,
      record: record
        ? {
            id: record.id,
            createdAt: record.createdAt,
            updatedAt: record.updatedAt,
            version: record.version,
            publishedOn: record.publishedOn,
            publicationUrl: record.publicationUrl,
            sentOn: record.sentOn,
          }
        : null,
      deadlines: record ? await this.clocks.list(m, record.id) : [],
      ...(data ? { data } : {}),
    };
  }

  /**
   * The partnership, when the user works in it, for one of its partners, or for an area it covers: 404
   * to read otherwise, 403 to change.
   */
  private async partnership(
    m: EntityManager,
    id: string,
    user: AuthenticatedUser,
    forChange = false,
  ): Promise<Organisation> {
    const found = UUID.test(id) ? await m.findOne(Organisation, { where: { id } }) : null;
    const partnership = found?.type === 'safeguarding-partnership' ? found : null;
    const visible = await this.access.visibleOrganisationIds(user);
    const area = partnership ? [partnership.id, ...partnership.coversLocalAuthorityIds] : [];
    if (!partnership || !area.some((o) => visible.includes(o))) {
      if (forChange && partnership) throw new ForbiddenException('You do not work for this partnership');
      throw new NotFoundException(
        'No safeguarding partnership with this id was found, or you do not have access to it',
      );
    }
    return partnership;
  }
}
