import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { csvHeader, csvRow } from './csv';
import { pseudonymFor } from './deidentify';
import { exportDocumentChunks } from './document-writer';
import type { ExportMode, ReviewedCaseSource } from './export-case';
import { prepareCase, type ExportOptions, type PreparedCase } from './prepare-case';
import schema from './schema/ncmd-export-v1.schema.json';
import { reviewedCaseSource } from './testing/reviewed-case-source';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const options = (mode: ExportMode): ExportOptions =>
  mode === 'ncmd' ? { mode } : { mode, pseudonymSecret: SECRET };

/** An independent ajv, as a recipient of the export would use the published schema. */
function schemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  return (fragment: string) => ajv.getSchema(`${schema.$id}${fragment}`)!;
}

function withoutPrimaryCategory(): ReviewedCaseSource {
  const source = reviewedCaseSource();
  const { primaryCategory: _removed, ...analysis } = source.analysis;
  return { ...source, analysis: { ...analysis, formVersion: '2026-04' } };
}

describe('prepareCase', () => {
  it('exports a finalised case that validates against the published schema with the values entered', () => {
    const prepared = prepareCase(reviewedCaseSource(), options('ncmd'));
    if (prepared.status !== 'exported') throw new Error('expected the case to be exported');
    const json = JSON.parse(JSON.stringify(prepared.case));
    expect(schemaValidator()('')(json)).toBe(true);
    expect(json.identity).toMatchObject({
      nhsNumber: '9990001235',
      givenName: 'Amelia-Rose',
      postcode: 'LS6 2AB',
    });
    expect(json.analysis).toMatchObject({
      primaryCategory: 5,
      otherCategories: [9],
      modifiableFactors: 'yes',
    });
    expect(json.revision).toBe(2);
  });

  it('rejects a case with no primary category, naming the field, in both modes', () => {
    const source = withoutPrimaryCategory();
    expect(prepareCase(source, options('ncmd'))).toEqual({
      status: 'rejected',
      caseId: source.caseId,
      revision: 2,
      rejected: {
        caseId: source.caseId,
        revision: 2,
        reasons: [{ field: 'analysis.primaryCategory', message: 'is required' }],
      },
    });
    const deidentified = prepareCase(source, options('deidentified'));
    expect(deidentified).toMatchObject({
      status: 'rejected',
      caseId: source.caseId,
      rejected: {
        caseId: pseudonymFor(source.caseId, SECRET),
        reasons: [{ field: 'analysis.primaryCategory' }],
      },
    });
  });
});

describe('de-identified output', () => {
  /** The fixture child, with identifiers written into every free-text field as a panel might. */
  function caseFullOfIdentifiers(): ReviewedCaseSource {
    const source = reviewedCaseSource();
    source.reporting.barriersToAccessingServices = ['Amelia-Rose’s mother had no interpreter'];
    source.analysis = {
      ...source.analysis,
      causeOfDeath: 'Asthma; AMELIA found at 3:40 by Mr O’Sullivan',
      learningPoints: [
        'Born 07/03/2014 (2014-03-07, 7th March 2014, March 7, 2014, 7.3.14)',
        'NHS number 999 000 1235 / 9990001235; lived at LS6 2AB (ls62ab)',
        `Case ${source.caseId}`,
      ],
      actions: [
        { owner: 'GP for Rose', description: "Review O'Sullivan family records", dueDate: '2026-09-30' },
      ],
    };
    return source;
  }

  const identifyingValues = [
    'Amelia',
    'Rose',
    'Sullivan',
    '9990001235',
    '999 000 1235',
    'LS6 2AB',
    'LS62AB',
    '2014-03-07',
    '07/03/2014',
    '7th March 2014',
    'March 7, 2014',
    '7.3.14',
    '03:40',
    '3:40',
    '3f6c2a9e-8d41-4c7b-9a55-1e2f3d4c5b6a',
  ];

  function expectNoIdentifier(output: string) {
    const lower = output.toLowerCase();
    for (const value of identifyingValues)
      expect({ value, found: lower.includes(value.toLowerCase()) }).toEqual({ value, found: false });
  }

  it('contains none of the identifying values, in JSON or CSV', async () => {
    const source = caseFullOfIdentifiers();
    const prepared = prepareCase(source, options('deidentified'));
    if (prepared.status !== 'exported') throw new Error('expected the case to be exported');

    let json = '';
    const header = {
      generatedAt: '2026-07-01T09:00:00.000Z',
      mode: 'deidentified' as const,
      cdop: { id: 'cdop-1', code: 'CDOP-WY', name: 'West Yorkshire CDOP' },
    };
    for await (const chunk of exportDocumentChunks(header, [prepared])) json += chunk;
    const csv = csvHeader('deidentified') + csvRow(prepared.case, 'deidentified');

    expectNoIdentifier(json);
    expectNoIdentifier(csv);
    expect(schemaValidator()('#/$defs/document')(JSON.parse(json))).toBe(true);
    expect(JSON.parse(json).cases[0].analysis.learningPoints[0]).toBe(
      'Born [date of birth] ([date of birth], [date of birth], [date of birth], [date of birth])',
    );
  });

  it('still names the child in the identifiable mode, which is what NCMD is entitled to', () => {
    const prepared: PreparedCase = prepareCase(caseFullOfIdentifiers(), options('ncmd'));
    if (prepared.status !== 'exported') throw new Error('expected the case to be exported');
    const csv = csvRow(prepared.case, 'ncmd');
    expect(csv).toContain('Amelia-Rose');
    expect(csv).toContain('9990001235');
  });
});
