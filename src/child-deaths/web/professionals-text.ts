import type { Professional } from '../entities/case-records';

/**
 * Professionals typed one per line as "name, role, organisation" with an optional email address last,
 * as people list them in a letter. Returns the people, or the first line that cannot be read.
 */
export function parseProfessionals(text: string | undefined): { people: Professional[] } | { error: string } {
  const people: Professional[] = [];
  const rows = (text ?? '').split(/\r?\n/).map((line) => line.trim());
  for (const [index, row] of rows.entries()) {
    if (!row) continue;
    const parts = row.split(',').map((part) => part.trim());
    const email = parts.length > 3 && parts.at(-1)!.includes('@') ? parts.pop() : undefined;
    if (parts.length < 3 || parts.some((part) => !part)) {
      return {
        error: `Line ${index + 1} of the professionals must give a name, a role and an organisation, separated by commas`,
      };
    }
    const [name, role, ...organisation] = parts;
    people.push({ name, role, organisation: organisation.join(', '), ...(email ? { email } : {}) });
  }
  return { people };
}

export function professionalsText(people: Professional[]): string {
  return people.map((p) => [p.name, p.role, p.organisation, p.email].filter(Boolean).join(', ')).join('\n');
}
