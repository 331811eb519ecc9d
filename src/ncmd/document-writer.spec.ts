import { exportDocumentChunks } from './document-writer';
import type { ExportDocumentHeader, ReviewedCaseSource } from './export-case';
import { prepareCase, type PreparedCase } from './prepare-case';
import { reviewedCaseSource } from './testing/reviewed-case-source';
import { validateDocument } from './validate';

const header: ExportDocumentHeader = {
  generatedAt: '2026-07-01T09:00:00.000Z',
  mode: 'ncmd',
  cdop: { id: 'c0a80101-0000-4000-8000-000000000001', code: 'CDOP-WY', name: 'West Yorkshire CDOP' },
};

function sourceNumber(n: number): ReviewedCaseSource {
  const source = reviewedCaseSource();
  source.caseId = `case-${n}`;
  if (n % 3 === 0) source.analysis = { ...source.analysis, primaryCategory: null };
  return source;
}

async function* preparedCases(count: number, pulled?: { count: number }): AsyncGenerator<PreparedCase> {
  for (let n = 1; n <= count; n += 1) {
    if (pulled) pulled.count = n;
    yield prepareCase(sourceNumber(n), { mode: 'ncmd' });
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('exportDocumentChunks', () => {
  it('writes a valid document with the exported cases and, at the end, the rejected ones', async () => {
    const document = JSON.parse(
      await collect(exportDocumentChunks({ ...header, exportId: 'export-7' }, preparedCases(7))),
    );
    expect(Object.keys(document)).toEqual([
      'ncmdExportVersion',
      'generatedAt',
      'mode',
      'cdop',
      'exportId',
      'cases',
      'rejected',
    ]);
    expect(document.ncmdExportVersion).toBe('1.0');
    expect(document.cases.map((c: { identity: { caseId: string } }) => c.identity.caseId)).toEqual([
      'case-1',
      'case-2',
      'case-4',
      'case-5',
      'case-7',
    ]);
    expect(document.rejected).toEqual([
      {
        caseId: 'case-3',
        revision: 2,
        reasons: [{ field: 'analysis.primaryCategory', message: 'is required' }],
      },
      {
        caseId: 'case-6',
        revision: 2,
        reasons: [{ field: 'analysis.primaryCategory', message: 'is required' }],
      },
    ]);
    expect(validateDocument(document)).toEqual({ valid: true });
  });

  it('writes valid JSON when there is nothing to export', async () => {
    const document = JSON.parse(await collect(exportDocumentChunks(header, [])));
    expect(document).toMatchObject({ cases: [], rejected: [] });
    expect(validateDocument(document)).toEqual({ valid: true });
  });

  it('writes each case as it arrives instead of waiting for them all', async () => {
    const pulled = { count: 0 };
    const chunks = exportDocumentChunks(header, preparedCases(1000, pulled));
    await chunks.next();
    const firstCase = await chunks.next();
    expect(firstCase.value).toContain('"caseId":"case-1"');
    expect(pulled.count).toBe(1);
    await chunks.return(undefined);
  });

  it('stops before writing an identifiable case into a de-identified document', async () => {
    await expect(
      collect(exportDocumentChunks({ ...header, mode: 'deidentified' }, preparedCases(1))),
    ).rejects.toThrow('another mode');
  });
});
