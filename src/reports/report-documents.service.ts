import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IsoDate } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import { AccessService } from '../identity/access.service';
import { Organisation, OrganisationType } from '../identity/organisation.entity';
import type { AuthenticatedUser } from '../identity/permissions';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { partnershipYearlyFigures } from '../serious-incidents/yearly-report/yearly-figures.queries';
import { cdopAnnualReport, partnershipYearlyReport } from './documents/annual-reports';
import { deadlineComplianceReport } from './documents/deadline-compliance-report';
import { recommendationsTracker } from './documents/recommendations-tracker';
import type { PdfRequest } from './pdf.service';
import { cdopAnnualInput } from './queries/annual-report.queries';
import { clocksDueIn } from './queries/compliance.queries';
import { cdopAnnualStatistics } from './statistics/cdop-annual';
import { deadlineCompliance } from './statistics/deadline-compliance';
import { partnershipYearlyStatistics } from './statistics/partnership-yearly';
import { reportingYear } from './statistics/reporting-year';

export const ORGANISATION_NOT_FOUND =
  'No organisation with this id was found, or you do not have access to it';

const TYPE_NAMES: Partial<Record<OrganisationType, string>> = {
  cdop: 'a CDOP',
  'safeguarding-partnership': 'a safeguarding partnership',
};

/** Reports about an organisation over a period; the caller must be able to see that organisation. */
@Injectable()
export class ReportDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly recommendations: RecommendationsService,
    private readonly time: TimeSource,
  ) {}

  async cdopAnnual(
    user: AuthenticatedUser,
    cdopId: string,
    year: number,
    published: boolean,
  ): Promise<PdfRequest> {
    const cdop = await this.organisation(user, cdopId, 'cdopId', 'cdop');
    const input = await cdopAnnualInput(
      this.dataSource.manager,
      cdop.id,
      reportingYear(year),
      this.time.today(),
    );
    return cdopAnnualReport(cdopAnnualStatistics(input), cdop, published);
  }

  async partnershipYearly(
    user: AuthenticatedUser,
    partnershipId: string,
    year: number,
    published: boolean,
  ): Promise<PdfRequest> {
    const partnership = await this.organisation(
      user,
      partnershipId,
      'partnershipId',
      'safeguarding-partnership',
    );
    const period = reportingYear(year);
    const figures = await partnershipYearlyFigures(
      this.dataSource.manager,
      partnership,
      period,
      this.time.now(),
    );
    const stats = partnershipYearlyStatistics(period, figures);
    return partnershipYearlyReport(stats, partnership, published);
  }

  async deadlineCompliance(
    user: AuthenticatedUser,
    organisationId: string,
    from: IsoDate,
    to: IsoDate,
  ): Promise<PdfRequest> {
    if (to < from) throw new BadRequestException(['to: must be on or after from']);
    const organisation = await this.organisation(user, organisationId, 'organisationId');
    const clocks = await clocksDueIn(this.dataSource.manager, organisation.id, { from, to }, this.time.now());
    return deadlineComplianceReport(deadlineCompliance(clocks), organisation, { from, to });
  }

  async recommendationsTracker(user: AuthenticatedUser, organisationId: string): Promise<PdfRequest> {
    const organisation = await this.organisation(user, organisationId, 'organisationId');
    return recommendationsTracker(
      await this.recommendationsOf(user, organisation.id),
      organisation,
      this.time.today(),
    );
  }

  /** The recommendations of the organisation's area, through the tracker's own service (which audits the read). */
  private recommendationsOf(user: AuthenticatedUser, organisationId: string) {
    return this.recommendations.list(user, { partnershipId: organisationId });
  }

  /** 404 unless the caller may see the organisation's cases; 400 when it is not the kind asked for. */
  private async organisation(
    user: AuthenticatedUser,
    id: string,
    field: string,
    type?: OrganisationType,
  ): Promise<Organisation> {
    const visible = await this.access.visibleOrganisationIds(user);
    const organisation = visible.includes(id)
      ? await this.dataSource.getRepository(Organisation).findOneBy({ id })
      : null;
    if (!organisation) throw new NotFoundException(ORGANISATION_NOT_FOUND);
    if (type && organisation.type !== type) {
      throw new BadRequestException([`${field}: must be the id of ${TYPE_NAMES[type]}`]);
    }
    return organisation;
  }
}
