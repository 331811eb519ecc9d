import type { AnalysisFormSource, NcmdAnalysis } from '../export-case';

/** Like T, but any field may be missing: a mapped case before validation has decided what is mandatory. */
export type Candidate<T> = T extends (infer U)[]
  ? Candidate<U>[]
  : T extends object
    ? { [K in keyof T]?: Candidate<T[K]> }
    : T;

export interface MappedAnalysis {
  analysis: Candidate<NcmdAnalysis>;
  /** Asked on the analysis form, exported in the process group. */
  referredToSafeguarding?: boolean;
}

/** Reads the answers of one analysis-form version into the export contract. */
export interface AnalysisFormMapping {
  formVersion: string;
  map(form: AnalysisFormSource): MappedAnalysis;
}
