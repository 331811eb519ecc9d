import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isIsoDate } from '../../calendar/iso-date';
import { TimeSource } from '../../calendar/time-source';
import { AccessService } from '../../identity/access.service';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { FormErrors, formErrors } from '../../web/forms/form';
import { NavItem } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import { PdfRequest, PdfService } from '../pdf.service';
import { sendPdf } from '../pdf-response';
import { ReportDocumentsService } from '../report-documents.service';

const CDOP_READERS: Role[] = ['cdop-admin', 'designated-doctor', 'cdop-panel-member', 'read-only'];
const PARTNERSHIP_READERS: Role[] = ['partnership-manager', 'safeguarding-partner', 'dcs'];
const COMPLIANCE_READERS: Role[] = ['cdop-admin', 'designated-doctor', ...PARTNERSHIP_READERS, 'read-only'];
const TRACKER_READERS: Role[] = [...PARTNERSHIP_READERS, 'cdop-admin', 'read-only'];
const REPORT_READERS = [...new Set([...CDOP_READERS, ...PARTNERSHIP_READERS])];

type Kind = 'cdop-annual' | 'partnership-yearly' | 'deadline-compliance' | 'recommendations-tracker';
type Raw = Record<string, unknown>;

interface Option {
  id: string;
  name: string;
  type: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The reports page: each report the user's roles allow, for the organisations they can see, with a
 * button that downloads the PDF. A form with a mistake comes back with the GOV.UK error summary.
 */
@NavItem({ text: 'Reports', href: '/reports', roles: REPORT_READERS, order: 70 })
@Permission(...REPORT_READERS)
@WebController('reports')
export class ReportsPagesController {
  constructor(
    private readonly reports: ReportDocumentsService,
    private readonly pdf: PdfService,
    private readonly access: AccessService,
    private readonly time: TimeSource,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  async page(@CurrentUser() user: AuthenticatedUser, @Res() res: Response): Promise<void> {
    res.render('reports/index.njk', await this.model(user));
  }

  @Get('cdop-annual.pdf')
  @Permission(...CDOP_READERS)
  async cdopAnnual(@Query() raw: Raw, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const { organisations, years } = await this.model(user);
    const problems = [
      ...this.choose('cdopId', raw, organisations.cdops, 'Select a CDOP'),
      ...this.choose('year', raw, years, 'Select a reporting year'),
    ];
    if (problems.length) return this.refuse(res, user, 'cdop-annual', raw, problems);
    const request = await this.reports.cdopAnnual(
      user,
      text(raw.cdopId),
      Number(raw.year),
      raw.published === 'true',
    );
    return this.send(res, request, user);
  }

  @Get('partnership-yearly.pdf')
  @Permission(...PARTNERSHIP_READERS)
  async partnershipYearly(@Query() raw: Raw, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const { organisations, years } = await this.model(user);
    const problems = [
      ...this.choose('partnershipId', raw, organisations.partnerships, 'Select a partnership'),
      ...this.choose('year', raw, years, 'Select a financial year'),
    ];
    if (problems.length) return this.refuse(res, user, 'partnership-yearly', raw, problems);
    const request = await this.reports.partnershipYearly(
      user,
      text(raw.partnershipId),
      Number(raw.year),
      raw.published === 'true',
    );
    return this.send(res, request, user);
  }

  @Get('deadline-compliance.pdf')
  @Permission(...COMPLIANCE_READERS)
  async deadlineCompliance(@Query() raw: Raw, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const { organisations } = await this.model(user);
    const from = text(raw.from);
    const to = text(raw.to);
    const problems = [
      ...this.choose('organisationId', raw, organisations.all, 'Select an organisation'),
      ...(isIsoDate(from)
        ? []
        : [{ field: 'from', text: 'Enter the first due date, for example 2026-01-01' }]),
      ...(isIsoDate(to) ? [] : [{ field: 'to', text: 'Enter the last due date, for example 2026-03-31' }]),
      ...(isIsoDate(from) && isIsoDate(to) && to < from
        ? [{ field: 'to', text: 'The last due date must be on or after the first' }]
        : []),
    ];
    if (problems.length) return this.refuse(res, user, 'deadline-compliance', raw, problems);
    return this.send(
      res,
      await this.reports.deadlineCompliance(user, text(raw.organisationId), from, to),
      user,
    );
  }

  @Get('recommendations-tracker.pdf')
  @Permission(...TRACKER_READERS)
  async tracker(@Query() raw: Raw, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const { organisations } = await this.model(user);
    const problems = this.choose('organisationId', raw, organisations.all, 'Select an organisation');
    if (problems.length) return this.refuse(res, user, 'recommendations-tracker', raw, problems);
    return this.send(res, await this.reports.recommendationsTracker(user, text(raw.organisationId)), user);
  }

  private async send(res: Response, request: PdfRequest, user: AuthenticatedUser): Promise<void> {
    sendPdf(res, await this.pdf.print(request, user));
  }

  /** A problem when the value chosen is not one of the options offered. */
  private choose(field: string, raw: Raw, options: { id: string }[], message: string) {
    return options.some((o) => o.id === text(raw[field])) ? [] : [{ field, text: message }];
  }

  private async refuse(
    res: Response,
    user: AuthenticatedUser,
    form: Kind,
    raw: Raw,
    problems: { field: string; text: string }[],
  ) {
    const errors: FormErrors = formErrors(problems, {
      anchors: Object.fromEntries(problems.map((p) => [p.field, `${form}-${p.field}`])),
    });
    const model = await this.model(user);
    res.status(400).render('reports/index.njk', {
      ...model,
      pageTitle: `Error: ${model.pageTitle}`,
      form,
      values: raw,
      errors,
    });
  }

  private async model(user: AuthenticatedUser) {
    const rows: Option[] = await this.dataSource.query(
      `SELECT id, name, type FROM organisation WHERE id = ANY($1::uuid[]) ORDER BY name`,
      [await this.access.visibleOrganisationIds(user)],
    );
    const today = this.time.today();
    const current = Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0);
    const may = (roles: Role[]) => roles.some((role) => user.roles.includes(role));
    return {
      pageTitle: 'Reports',
      organisations: {
        cdops: rows.filter((o) => o.type === 'cdop'),
        partnerships: rows.filter((o) => o.type === 'safeguarding-partnership'),
        all: rows,
      },
      years: Array.from({ length: 5 }, (_v, i) => current - i).map((start) => ({
        id: String(start),
        name: `1 April ${start} to 31 March ${start + 1}`,
      })),
      show: {
        cdopAnnual: may(CDOP_READERS),
        partnershipYearly: may(PARTNERSHIP_READERS),
        deadlineCompliance: may(COMPLIANCE_READERS),
        tracker: may(TRACKER_READERS),
      },
    };
  }
}
