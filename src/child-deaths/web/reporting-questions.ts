import { reportingFormDefinition, ReportingFormSection } from '../forms/reporting-forms';

/** The questions of the form version a request was made on. */
export function definitionFor(request: {
  formVersion: string;
  kind: 'reporting' | 'supplementary';
}): readonly ReportingFormSection[] {
  return reportingFormDefinition(request.formVersion)?.[request.kind] ?? [];
}
