import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { IsoDate } from '../calendar/iso-date';
import type { CaseLifecycleService } from '../child-deaths/case-lifecycle.service';
import type { AuthenticatedUser } from '../identity/permissions';

const BATCH = 500;

/**
 * An identifiable export is the NCMD submission of every case in it that was not yet submitted: through
 * the child death module, which meets CDR-NCMD-SUBMIT and moves the case to submitted-to-ncmd. Recording
 * the submission changes the case record but not its exported content, so the export's recorded revision
 * moves up by the same amount and the case does not come back as changed next time. A case the module
 * refuses (paused, say) stays unsubmitted for the administrator to record by hand.
 */
export async function recordSubmissions(
  dataSource: DataSource,
  lifecycle: CaseLifecycleService,
  user: AuthenticatedUser,
  exportId: string,
  submittedOn: IsoDate,
): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch: { id: string; version: number }[] = await dataSource.query(
      `SELECT c.id, c.version FROM ncmd_export_case ec JOIN cdr_case c ON c.id = ec.case_id
        WHERE ec.export_id = $1 AND c.ncmd_submitted_on IS NULL AND c.id > $2
        ORDER BY c.id LIMIT $3`,
      [exportId, after, BATCH],
    );
    for (const { id, version } of batch) {
      try {
        await lifecycle.recordNcmdSubmission(user, id, { submittedOn, version });
      } catch (error) {
        if (error instanceof ConflictException || error instanceof UnprocessableEntityException) continue;
        throw error;
      }
      await dataSource.query(
        `UPDATE ncmd_export_case ec SET revision = ec.revision + c.version - $3
           FROM cdr_case c WHERE c.id = ec.case_id AND ec.export_id = $1 AND ec.case_id = $2`,
        [exportId, id, version],
      );
    }
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1].id;
  }
}
