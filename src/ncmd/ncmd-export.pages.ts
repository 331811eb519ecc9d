import { BadRequestException, Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requestContext } from '../audit/audit.service';
import { AccessService } from '../identity/access.service';
import { AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { validateForm } from '../web/forms/form';
import { NavItem } from '../web/shell/contributions';
import { WebController } from '../web/shell/web-controller';
import { exportRequest } from './ncmd-export.controller';
import { NcmdExportQuery } from './ncmd-export.dto';
import { NcmdExportService } from './ncmd-export.service';
import { sendExport } from './send-export';

const FIELD_LABELS: Record<string, string> = {
  cdopId: 'CDOP',
  reviewedFrom: 'Reviewed from',
  reviewedTo: 'Reviewed to',
};

/** Empty boxes mean "not given"; unticked boxes send nothing. */
function formValues(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}

/**
 * The NCMD export for CDOP administrators: choose the cases and the file, see which cases would be
 * rejected and why (each linking to the case to put it right), then download.
 */
@NavItem({ text: 'NCMD export', href: '/ncmd-export', roles: ['cdop-admin'], order: 25 })
@Permission('cdop-admin')
@WebController('ncmd-export')
export class NcmdExportPagesController {
  constructor(
    private readonly exports: NcmdExportService,
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  async page(
    @Query() raw: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ): Promise<void> {
    const cdops = await this.cdopsOf(user);
    const values = { cdopId: cdops.length === 1 ? cdops[0].id : undefined, ...formValues(raw) };
    const base = { pageTitle: 'NCMD export', cdops, values };
    if (!raw.cdopId) return res.render('ncmd/export.njk', base);
    const outcome = await validateForm(NcmdExportQuery, values, { labels: FIELD_LABELS });
    if (!outcome.valid) return res.status(400).render('ncmd/export.njk', { ...base, errors: outcome.errors });
    const request = exportRequest(outcome.value);
    const cdop = await this.exports.authorise(user, request.cdopId, request.mode);
    const rejected = await this.exports.rejectedCases(cdop, request);
    const references = await this.referencesOf(rejected.map((r) => r.caseId));
    res.render('ncmd/export.njk', {
      ...base,
      checked: true,
      rejected: rejected.map((r) => ({
        ...r,
        reference: references.get(r.caseId) ?? r.caseId,
        href: `/child-deaths/${r.caseId}`,
      })),
    });
  }

  @Post('download')
  async download(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ): Promise<void> {
    const outcome = await validateForm(NcmdExportQuery, formValues(body), { labels: FIELD_LABELS });
    if (!outcome.valid) throw new BadRequestException(outcome.errors.list.map((e) => e.text));
    await sendExport(this.exports, user, 'web', exportRequest(outcome.value), res, requestContext(res.req));
  }

  private async cdopsOf(user: AuthenticatedUser): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT id, name FROM organisation WHERE type = 'cdop' AND id = ANY($1::uuid[]) ORDER BY name`,
      [await this.access.visibleOrganisationIds(user)],
    );
  }

  /** Case references (CDR-YYYY-NNNN) to show instead of ids: never the child's name on a list page. */
  private async referencesOf(caseIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; reference: string }[] = await this.dataSource.query(
      `SELECT id, reference FROM cdr_case WHERE id = ANY($1::uuid[])`,
      [caseIds],
    );
    return new Map(rows.map((row) => [row.id, row.reference]));
  }
}
