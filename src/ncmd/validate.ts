import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isValidNhsNumber } from '../child-deaths/rules/nhs-number';
import schema from './schema/ncmd-export-v1.schema.json';
import type { DeidentifiedCase, NcmdCase, RejectionReason } from './export-case';

export type CaseValidation<T> = { valid: true; case: T } | { valid: false; reasons: RejectionReason[] };
export type DocumentValidation = { valid: true } | { valid: false; reasons: RejectionReason[] };

interface Validators {
  ncmdCase: ValidateFunction;
  deidentifiedCase: ValidateFunction;
  document: ValidateFunction;
}

let compiled: Validators | undefined;

/** Compiled on first use and kept: compiling costs far more than validating thousands of cases. */
function validators(): Validators {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    ajv.addSchema(schema);
    const get = (fragment: string): ValidateFunction => {
      const validate = ajv.getSchema(`${schema.$id}${fragment}`);
      if (!validate) throw new Error(`NCMD export schema has no ${fragment}`);
      return validate;
    };
    compiled = {
      ncmdCase: get(''),
      deidentifiedCase: get('#/$defs/deidentifiedCase'),
      document: get('#/$defs/document'),
    };
  }
  return compiled;
}

/** Checks one case against the identifiable (`ncmd`) case schema and the NHS number check digit. */
export function validateCase(candidate: unknown): CaseValidation<NcmdCase> {
  const validate = validators().ncmdCase;
  const reasons = validate(candidate) ? [] : reasonsFrom(validate.errors ?? []);
  const nhsNumber = (candidate as NcmdCase | undefined)?.identity?.nhsNumber;
  if (typeof nhsNumber === 'string' && /^[0-9]{10}$/.test(nhsNumber) && !isValidNhsNumber(nhsNumber)) {
    reasons.push({ field: 'identity.nhsNumber', message: 'has a check digit that does not match' });
  }
  return reasons.length === 0 ? { valid: true, case: candidate as NcmdCase } : { valid: false, reasons };
}

export function validateDeidentifiedCase(candidate: unknown): CaseValidation<DeidentifiedCase> {
  const validate = validators().deidentifiedCase;
  return validate(candidate)
    ? { valid: true, case: candidate as DeidentifiedCase }
    : { valid: false, reasons: reasonsFrom(validate.errors ?? []) };
}

/** Checks a whole export document, each case against the schema of the document's mode. */
export function validateDocument(document: unknown): DocumentValidation {
  const validate = validators().document;
  return validate(document) ? { valid: true } : { valid: false, reasons: reasonsFrom(validate.errors ?? []) };
}

const PATTERN_MESSAGES: Record<string, string> = {
  nhsNumber: 'must be 10 digits with no spaces',
  postcode: 'must be a full UK postcode such as SW1A 1AA',
  postcodeDistrict: 'must be the outward code of a UK postcode, such as SW1A',
  timeOfDeath: 'must be a time of day as HH:MM',
  caseId: 'must be a pseudonym of 24 lower-case hex digits',
  analysisFormVersion: 'must be a form version as YYYY-MM',
  supplementaryForms: 'must be a form id in lower-case words joined by hyphens',
  icd10Codes: 'must be an ICD-10 code such as R95 or J18.9',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'must be a real date as YYYY-MM-DD',
  'date-time': 'must be an ISO 8601 date and time with an offset',
};

/** Turns ajv errors into one reason per field; messages describe the rule, never the value entered. */
function reasonsFrom(errors: ErrorObject[]): RejectionReason[] {
  const reasons = new Map<string, RejectionReason>();
  for (const error of errors) {
    const reason = reasonFrom(error);
    if (reason) reasons.set(`${reason.field}\u0000${reason.message}`, reason);
  }
  return [...reasons.values()];
}

function reasonFrom(error: ErrorObject): RejectionReason | undefined {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = (...more: string[]) => [...segments, ...more].join('.') || '(case)';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'required': {
      const missing = String(params.missingProperty);
      if (error.schemaPath.endsWith('/else/required')) {
        return { field: at('nhsNumber'), message: 'is required unless nhsNumberMissingReason is given' };
      }
      return { field: at(missing), message: 'is required' };
    }
    case 'not':
      return { field: at('nhsNumberMissingReason'), message: 'must be left out when nhsNumber is given' };
    case 'additionalProperties':
      return { field: at(String(params.additionalProperty)), message: 'is not a field of this export' };
    case 'false schema':
      return { field: at(), message: 'is not allowed here' };
    case 'type':
      return { field: at(), message: `must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}` };
    case 'enum':
      return { field: at(), message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { field: at(), message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'format':
      return {
        field: at(),
        message: FORMAT_MESSAGES[String(params.format)] ?? 'is not in the expected format',
      };
    case 'pattern': {
      const name = [...segments].reverse().find((segment) => !/^[0-9]+$/.test(segment)) ?? '';
      return { field: at(), message: PATTERN_MESSAGES[name] ?? 'is not in the expected format' };
    }
    case 'minLength':
      return { field: at(), message: 'must not be empty' };
    case 'minimum':
      return { field: at(), message: `must be ${String(params.limit)} or more` };
    case 'maximum':
      return { field: at(), message: `must be ${String(params.limit)} or less` };
    case 'minItems':
      return { field: at(), message: `must have at least ${String(params.limit)} items` };
    case 'uniqueItems':
      return { field: at(), message: 'must not list the same item twice' };
    default:
      return { field: at(), message: error.message ?? 'is not valid' };
  }
}
