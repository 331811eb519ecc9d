import type { ReviewedCaseSource, RejectionReason } from '../export-case';
import { analysisForm202604 } from './analysis-2026-04';
import { mapCase, type CaseCandidate } from './case';
import type { AnalysisFormMapping } from './form-mapping';

/** Every analysis-form version the export understands. A new NCMD form version is one more entry here. */
const FORM_MAPPINGS: readonly AnalysisFormMapping[] = [analysisForm202604];

const byVersion = new Map(FORM_MAPPINGS.map((mapping) => [mapping.formVersion, mapping]));

export const SUPPORTED_FORM_VERSIONS: readonly string[] = FORM_MAPPINGS.map((mapping) => mapping.formVersion);

export type MappingResult =
  { mapped: true; candidate: CaseCandidate } | { mapped: false; reasons: RejectionReason[] };

/** Maps a reviewed case to the export, reading its analysis form with the mapping for its form version. */
export function mapToNcmdCase(source: ReviewedCaseSource): MappingResult {
  const mapping = byVersion.get(source.analysis.formVersion);
  if (!mapping) {
    return {
      mapped: false,
      reasons: [
        {
          field: 'analysis.analysisFormVersion',
          message: `has no NCMD mapping (mapped versions: ${SUPPORTED_FORM_VERSIONS.join(', ')})`,
        },
      ],
    };
  }
  return { mapped: true, candidate: mapCase(source, mapping.map(source.analysis)) };
}

export type { CaseCandidate } from './case';
