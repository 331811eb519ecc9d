import { deidentifyCase, pseudonymFor } from './deidentify';
import type { ExportedCase, RejectedCase, RejectionReason, ReviewedCaseSource } from './export-case';
import { mapToNcmdCase } from './mappings';
import { validateCase, validateDeidentifiedCase } from './validate';

export type ExportOptions = { mode: 'ncmd' } | { mode: 'deidentified'; pseudonymSecret: string };

/**
 * One reviewed case, ready for the export. `caseId` and `revision` are always the real ones, for the
 * export's own records and audit; only `case` and `rejected` belong in the exported file.
 */
export type PreparedCase =
  | { status: 'exported'; caseId: string; revision: number; case: ExportedCase }
  | { status: 'rejected'; caseId: string; revision: number; rejected: RejectedCase };

/** Maps, validates and (in `deidentified` mode) de-identifies one case; invalid cases come back rejected. */
export function prepareCase(source: ReviewedCaseSource, options: ExportOptions): PreparedCase {
  const { caseId, revision } = source;
  const reject = (reasons: RejectionReason[]): PreparedCase => ({
    status: 'rejected',
    caseId,
    revision,
    rejected: {
      caseId: options.mode === 'ncmd' ? caseId : pseudonymFor(caseId, options.pseudonymSecret),
      revision,
      reasons,
    },
  });

  const mapping = mapToNcmdCase(source);
  if (!mapping.mapped) return reject(mapping.reasons);
  const identifiable = validateCase(mapping.candidate);
  if (!identifiable.valid) return reject(identifiable.reasons);
  if (options.mode === 'ncmd') return { status: 'exported', caseId, revision, case: identifiable.case };

  const deidentified = validateDeidentifiedCase(deidentifyCase(identifiable.case, options.pseudonymSecret));
  if (!deidentified.valid) return reject(deidentified.reasons);
  return { status: 'exported', caseId, revision, case: deidentified.case };
}
