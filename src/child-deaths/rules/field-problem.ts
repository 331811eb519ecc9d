/** One thing wrong or missing, named by the field path the API and the web form both use. */
export interface FieldProblem {
  field: string;
  message: string;
}
