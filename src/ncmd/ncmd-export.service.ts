import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditRequestContext } from '../audit/audit.service';
import { TimeSource } from '../calendar/time-source';
import { CaseLifecycleService } from '../child-deaths/case-lifecycle.service';
import { AccessService } from '../identity/access.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { csvHeader, csvRow } from './csv';
import { exportDocumentChunks } from './document-writer';
import type { ExportCdop, ExportMode, RejectedCase } from './export-case';
import type { ExportSink } from './export-sink';
import { prepareCase, type PreparedCase } from './prepare-case';
import { PseudonymSecret } from './pseudonym-secret.service';
import { reviewedCases } from './reviewed-cases';
import { recordSubmissions } from './submissions';

export interface NcmdExportRequest {
  cdopId: string;
  reviewedFrom?: string;
  reviewedTo?: string;
  sinceLastExport: boolean;
  format: 'json' | 'csv';
  mode: ExportMode;
}

export type ExportChannel = 'api' | 'web' | 'cli';

/** A rejected case under its real id, for the portal's own pages and records. */
export interface RejectedForFixing {
  caseId: string;
  revision: number;
  reasons: RejectedCase['reasons'];
}

export interface NcmdExportSummary {
  exportId: string;
  exported: number;
  rejected: RejectedForFixing[];
}

/** Who may produce each mode: the identifiable one is for the CDOP's administrators alone. */
export const MODE_ROLES: Readonly<Record<ExportMode, readonly string[]>> = {
  ncmd: ['cdop-admin'],
  deidentified: ['cdop-admin', 'designated-doctor'],
};

@Injectable()
export class NcmdExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
    private readonly secret: PseudonymSecret,
    private readonly lifecycle: CaseLifecycleService,
  ) {}

  /** 403 for a mode the user may not produce; 404 for a CDOP they cannot see (or no CDOP at all). */
  async authorise(user: AuthenticatedUser, cdopId: string, mode: ExportMode): Promise<ExportCdop> {
    if (!user.roles.some((role) => MODE_ROLES[mode].includes(role))) {
      throw new ForbiddenException(`Only ${MODE_ROLES[mode].join(' or ')} may produce the ${mode} export`);
    }
    const visible = await this.access.visibleOrganisationIds(user);
    const [cdop]: ExportCdop[] = visible.includes(cdopId)
      ? await this.dataSource.query(
          `SELECT id, coalesce(code, name) AS code, name FROM organisation WHERE id = $1 AND type = 'cdop'`,
          [cdopId],
        )
      : [];
    if (!cdop) throw new NotFoundException('No CDOP with this id was found, or you do not have access to it');
    return cdop;
  }

  /**
   * Streams the export into `sink` and records it: the cases it contained at their revisions, the audit
   * event, and (identifiable mode) the NCMD submission of each case not yet submitted. The export only
   * counts for "since last export" once every chunk has been written.
   */
  async run(
    user: AuthenticatedUser,
    channel: ExportChannel,
    request: NcmdExportRequest,
    cdop: ExportCdop,
    sink: ExportSink,
    context?: AuditRequestContext,
  ): Promise<NcmdExportSummary> {
    const startedAt = this.time.now();
    const [{ id: exportId }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO ncmd_export (cdop_id, mode, format, user_id, via, started_at, reviewed_from, reviewed_to,
                                since_last_export)
       SELECT $1, $2, $3, u.id, $5, $6, $7, $8, $9 FROM (SELECT $4::uuid AS given) g
         LEFT JOIN app_user u ON u.id = g.given
       RETURNING id`,
      [
        cdop.id,
        request.mode,
        request.format,
        user.id,
        channel,
        startedAt,
        request.reviewedFrom ?? null,
        request.reviewedTo ?? null,
        request.sinceLastExport,
      ],
    );
    const options =
      request.mode === 'ncmd'
        ? ({ mode: 'ncmd' } as const)
        : ({ mode: 'deidentified', pseudonymSecret: await this.secret.get() } as const);

    let exported = 0;
    const rejected: RejectedForFixing[] = [];
    let pageIds: string[] = [];
    let pageRevisions: number[] = [];
    const audited = {
      actor: channel === 'cli' ? null : user,
      userId: channel === 'cli' ? null : user.id,
      organisationIds: [cdop.id],
      request: context,
    };
    const common = { exportId, via: channel, mode: request.mode, format: request.format, cdopId: cdop.id };
    let part = 0;
    // The case list is audited page by page: one event naming 100,000 cases would cost as much memory as
    // the rest of the export put together.
    const recordPage = async () => {
      if (pageIds.length === 0) return;
      part += 1;
      await this.audit.record({
        action: 'export.ncmd',
        ...audited,
        details: { ...common, part, caseIds: pageIds },
      });
      await this.dataSource.query(
        `INSERT INTO ncmd_export_case (export_id, case_id, revision)
         SELECT $1, * FROM unnest($2::uuid[], $3::int[])`,
        [exportId, pageIds, pageRevisions],
      );
      pageIds = [];
      pageRevisions = [];
    };
    const sources = reviewedCases(
      this.dataSource.manager,
      {
        cdopId: cdop.id,
        reviewedFrom: request.reviewedFrom,
        reviewedTo: request.reviewedTo,
        newOrChangedSinceLastExportIn: request.sinceLastExport ? request.mode : undefined,
      },
      recordPage,
    );
    async function* prepared(): AsyncGenerator<PreparedCase> {
      for await (const source of sources) {
        const item = prepareCase(source, options);
        if (item.status === 'exported') {
          exported += 1;
          pageIds.push(item.caseId);
          pageRevisions.push(item.revision);
        } else {
          rejected.push({ caseId: item.caseId, revision: item.revision, reasons: item.rejected.reasons });
        }
        yield item;
      }
    }

    if (request.format === 'json') {
      const header = { generatedAt: startedAt.toISOString(), mode: request.mode, cdop, exportId };
      for await (const chunk of exportDocumentChunks(header, prepared())) await sink.write(chunk);
    } else {
      await sink.write(csvHeader(request.mode));
      for await (const item of prepared()) {
        if (item.status === 'exported') await sink.write(csvRow(item.case, request.mode));
      }
    }

    await this.dataSource.query(
      `UPDATE ncmd_export SET completed_at = $2, case_count = $3, rejected_count = $4 WHERE id = $1`,
      [exportId, this.time.now(), exported, rejected.length],
    );
    await this.audit.record({
      action: 'export.ncmd',
      ...audited,
      details: {
        ...common,
        complete: true,
        parts: part,
        caseCount: exported,
        reviewedFrom: request.reviewedFrom ?? null,
        reviewedTo: request.reviewedTo ?? null,
        sinceLastExport: request.sinceLastExport,
        rejectedCaseIds: rejected.map((r) => r.caseId),
      },
    });
    if (request.mode === 'ncmd') {
      await recordSubmissions(this.dataSource, this.lifecycle, user, exportId, this.time.today());
    }
    return { exportId, exported, rejected };
  }

  /** The cases in range that an export would reject, with their reasons: nothing is exported or recorded. */
  async rejectedCases(
    cdop: ExportCdop,
    request: Omit<NcmdExportRequest, 'format'>,
  ): Promise<RejectedForFixing[]> {
    const rejected: RejectedForFixing[] = [];
    const sources = reviewedCases(this.dataSource.manager, {
      cdopId: cdop.id,
      reviewedFrom: request.reviewedFrom,
      reviewedTo: request.reviewedTo,
      newOrChangedSinceLastExportIn: request.sinceLastExport ? request.mode : undefined,
    });
    for await (const source of sources) {
      const item = prepareCase(source, { mode: 'ncmd' });
      if (item.status === 'rejected') {
        rejected.push({ caseId: item.caseId, revision: item.revision, reasons: item.rejected.reasons });
      }
    }
    return rejected;
  }
}
