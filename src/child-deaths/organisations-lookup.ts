import { BadRequestException } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface OrganisationSummary {
  id: string;
  name: string;
  code: string | null;
  type: string;
  coversLocalAuthorityIds: string[];
}

/** Organisation facts the child death process needs: which CDOP covers which local authority. */
export async function organisationsById(
  m: EntityManager,
  ids: string[],
): Promise<Map<string, OrganisationSummary>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows: OrganisationSummary[] = await m.query(
    `SELECT id, name, code, type, covers_local_authority_ids AS "coversLocalAuthorityIds"
       FROM organisation WHERE id = ANY($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** 400 naming each field whose organisation is missing or of the wrong type. */
export async function assertOrganisationTypes(
  m: EntityManager,
  fields: { field: string; id: string | undefined | null; type: 'cdop' | 'local-authority' }[],
): Promise<Map<string, OrganisationSummary>> {
  const found = await organisationsById(
    m,
    fields.map((f) => f.id ?? ''),
  );
  const problems = fields
    .filter((f) => f.id && found.get(f.id)?.type !== f.type)
    .map(
      (f) => `${f.field}: must be the id of a ${f.type === 'cdop' ? 'CDOP' : 'local authority'} organisation`,
    );
  if (problems.length) throw new BadRequestException(problems);
  return found;
}

/** The CDOP whose footprint covers the local authority, if any (the oldest, should two overlap). */
export async function cdopCovering(m: EntityManager, localAuthorityId: string): Promise<string | null> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM organisation WHERE type = 'cdop' AND $1 = ANY(covers_local_authority_ids)
      ORDER BY created_at, id LIMIT 1`,
    [localAuthorityId],
  );
  return rows[0]?.id ?? null;
}
