import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvColumns } from './csv';
import schema from './schema/ncmd-export-v1.schema.json';

const docs = readFileSync(join(__dirname, '../../docs/ncmd-export.md'), 'utf8');

function propertyNames(node: unknown, names = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    Object.keys(properties ?? {}).forEach((name) => names.add(name));
    Object.values(node).forEach((child) => propertyNames(child, names));
  }
  return names;
}

function documentedColumns(heading: string): string[] {
  const after = docs.slice(docs.indexOf(heading));
  const block = /```text\n([^\n]*)\n```/.exec(after);
  return block ? block[1].split(',') : [];
}

describe('docs/ncmd-export.md', () => {
  it('documents every field of the schema', () => {
    const mentioned = (name: string) => new RegExp(`[\`.]${name}(\\[\\])?\``).test(docs);
    const undocumented = [...propertyNames(schema)].filter((name) => !mentioned(name));
    expect(undocumented).toEqual([]);
  });

  it('gives the CSV columns in the order the export writes them', () => {
    expect(documentedColumns('### Columns in `ncmd` mode')).toEqual(csvColumns('ncmd'));
    expect(documentedColumns('### Columns in `deidentified` mode')).toEqual(csvColumns('deidentified'));
  });
});
