import { NCMD_EXPORT_VERSION, isNcmdCase, type ExportDocumentHeader, type RejectedCase } from './export-case';
import type { PreparedCase } from './prepare-case';

/**
 * Writes the JSON export document as it goes: one chunk per case, so memory does not grow with the number
 * of cases. Rejected cases are few and are held until the end, where the document lists them.
 * Throws if a case does not belong to the header's mode, so identifiable data can never be written into a
 * de-identified document.
 */
export async function* exportDocumentChunks(
  header: ExportDocumentHeader,
  prepared: AsyncIterable<PreparedCase> | Iterable<PreparedCase>,
): AsyncGenerator<string, void, undefined> {
  const opening = {
    ncmdExportVersion: NCMD_EXPORT_VERSION,
    generatedAt: header.generatedAt,
    mode: header.mode,
    cdop: { id: header.cdop.id, code: header.cdop.code, name: header.cdop.name },
    ...(header.exportId === undefined ? {} : { exportId: header.exportId }),
  };
  yield `${JSON.stringify(opening).slice(0, -1)},"cases":[`;

  const rejected: RejectedCase[] = [];
  let first = true;
  for await (const item of prepared) {
    if (item.status === 'rejected') {
      rejected.push(item.rejected);
      continue;
    }
    if (isNcmdCase(item.case) !== (header.mode === 'ncmd')) {
      throw new Error(`A case prepared for another mode reached a ${header.mode} export`);
    }
    yield `${first ? '' : ','}\n${JSON.stringify(item.case)}`;
    first = false;
  }

  const rejectedLines = rejected.map((entry) => `\n${JSON.stringify(entry)}`).join(',');
  yield `${first ? '' : '\n'}],"rejected":[${rejectedLines}${rejected.length ? '\n' : ''}]}\n`;
}
