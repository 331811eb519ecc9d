import { csvColumns, csvHeader, csvRow, joinItems } from './csv';
import { deidentifyCase } from './deidentify';
import type { NcmdCase } from './export-case';
import { mapToNcmdCase } from './mappings';
import { reviewedCaseSource } from './testing/reviewed-case-source';

function ncmdCase(): NcmdCase {
  const result = mapToNcmdCase(reviewedCaseSource());
  if (!result.mapped) throw new Error('expected a mapped case');
  return result.candidate as NcmdCase;
}

/** A minimal RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsvLine(line: string): string[] {
  expect(line.endsWith('\r\n')).toBe(true);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length - 2; i += 1) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  return [...cells, cell];
}

function rowAsRecord(exported: NcmdCase): Record<string, string> {
  const names = parseCsvLine(csvHeader('ncmd'));
  const values = parseCsvLine(csvRow(exported, 'ncmd'));
  expect(values).toHaveLength(names.length);
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}

describe('CSV export', () => {
  it('writes one row per case in the documented column order with the values entered', () => {
    expect(rowAsRecord(ncmdCase())).toEqual({
      caseId: '3f6c2a9e-8d41-4c7b-9a55-1e2f3d4c5b6a',
      cdopCode: 'CDOP-WY',
      nhsNumber: '9990001235',
      nhsNumberMissingReason: '',
      givenName: 'Amelia-Rose',
      familyName: "O'Sullivan",
      dateOfBirth: '2014-03-07',
      sex: 'female',
      ethnicity: 'C',
      postcode: 'LS6 2AB',
      residentLocalAuthority: 'E08000035',
      dateOfDeath: '2026-01-15',
      timeOfDeath: '03:40',
      placeOfDeath: 'home',
      ageAtDeathDays: '4332',
      expected: 'false',
      suspectedStillbirthAtHome: 'false',
      lookedAfter: 'false',
      childProtectionPlan: 'true',
      notifiedAt: '2026-01-15T08:05:00.000Z',
      jarRequired: 'true',
      jarCriteria: 'sudden-no-apparent-cause',
      postMortem: 'true',
      coronerInvolved: 'true',
      inquestConcluded: 'false',
      cdrmHeldOn: '2026-04-20',
      cdopReviewedOn: '2026-06-09',
      referredToSafeguarding: 'false',
      agenciesAsked: '6',
      agenciesReturned: '5',
      livedInPovertyOrDeprivation: 'yes',
      barriersToAccessingServices: 'No interpreter offered at GP appointments',
      bereavementSupportOffered: 'no',
      supplementaryForms: 'asthma-anaphylaxis',
      analysisFormVersion: '2026-04',
      domains:
        'A:A1:2:no:Severe asthma|A:A7:1:no:Eczema|B:B2:2:yes:Parental smoking|D:D3:2:yes:Missed asthma review',
      modifiableFactors: 'yes',
      primaryCategory: '5',
      otherCategories: '9',
      causeOfDeath: 'Acute severe asthma',
      icd10Codes: 'J46|J18.9',
      learningPoints: 'Asthma plans must be reviewed after every emergency attendance',
      actions:
        'Leeds Teaching Hospitals NHS Trust:Audit asthma follow-up after emergency attendances:2026-09-30:open',
      revision: '2',
      lastChangedAt: '2026-06-10T09:30:00.000Z',
    });
  });

  it('quotes commas, quotes and line breaks as RFC 4180 requires', () => {
    const exported = ncmdCase();
    exported.analysis.causeOfDeath = 'Asthma, "acute severe"\nwith hypoxia';
    const line = csvRow(exported, 'ncmd');
    expect(line).toContain(',"Asthma, ""acute severe""\nwith hypoxia",');
    expect(rowAsRecord(exported).causeOfDeath).toBe('Asthma, "acute severe"\nwith hypoxia');
  });

  it('stops a spreadsheet reading a cell as a formula', () => {
    const exported = ncmdCase();
    exported.analysis.causeOfDeath = '=HYPERLINK("http://x.example","click")';
    exported.analysis.learningPoints = ['+1 more review'];
    exported.reporting.barriersToAccessingServices = ['-cost of travel', '@home visits refused'];
    exported.analysis.actions[0].owner = '\tTrust';
    const record = rowAsRecord(exported);
    expect(record.causeOfDeath).toBe('\'=HYPERLINK("http://x.example","click")');
    expect(record.learningPoints).toBe("'+1 more review");
    expect(record.barriersToAccessingServices).toBe("'-cost of travel|@home visits refused");
    expect(record.actions.startsWith("'\tTrust:")).toBe(true);
  });

  it('escapes the joining characters inside repeated items so they can be split back', () => {
    expect(joinItems([['a|b', 'c:d'], ['e\\f']])).toBe('a\\|b:c\\:d|e\\\\f');
    const exported = ncmdCase();
    exported.analysis.learningPoints = ['Plans: review yearly', 'Either | or'];
    expect(rowAsRecord(exported).learningPoints).toBe('Plans\\: review yearly|Either \\| or');
  });

  it('has its own columns in de-identified mode, with no identifying column', () => {
    const columns = csvColumns('deidentified');
    for (const identifying of [
      'nhsNumber',
      'givenName',
      'familyName',
      'dateOfBirth',
      'postcode',
      'timeOfDeath',
    ]) {
      expect(columns).not.toContain(identifying);
    }
    expect(columns.slice(0, 7)).toEqual([
      'caseId',
      'cdopCode',
      'nhsNumberMissingReason',
      'sex',
      'ethnicity',
      'postcodeDistrict',
      'residentLocalAuthority',
    ]);
    const deidentified = deidentifyCase(ncmdCase(), 'a-test-secret-that-is-long-enough-0123456789');
    expect(parseCsvLine(csvRow(deidentified, 'deidentified'))).toHaveLength(columns.length);
  });

  it('refuses a case prepared for the other mode', () => {
    expect(() => csvRow(ncmdCase(), 'deidentified')).toThrow('another mode');
  });
});
