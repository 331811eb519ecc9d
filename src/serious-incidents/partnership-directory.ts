import { EntityManager } from 'typeorm';
import { Organisation } from '../identity/organisation.entity';
import type { SafeguardingPartner } from './rules/lcspr';

const PARTNER_TYPE: Readonly<Record<SafeguardingPartner, string>> = {
  'local-authority': 'local-authority',
  icb: 'icb',
  police: 'police',
};

/** The partnership's statutory partner of this kind (its local authority, ICB or police force). */
export async function partnerOrganisationId(
  m: EntityManager,
  partnershipId: string | null,
  partner: SafeguardingPartner,
): Promise<string | null> {
  if (!partnershipId) return null;
  const partnership = await m.findOne(Organisation, { where: { id: partnershipId } });
  if (!partnership?.partnerOrganisationIds.length) return null;
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM organisation WHERE id = ANY($1::uuid[]) AND type = $2 LIMIT 1`,
    [partnership.partnerOrganisationIds, PARTNER_TYPE[partner]],
  );
  return rows[0]?.id ?? null;
}

/** Names of organisations by id, for pages and exports. */
export async function organisationNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows: { id: string; name: string }[] = await m.query(
    `SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Organisations of the given type among `ids`; used to check that ids really are local authorities. */
export async function organisationsOfType(
  m: EntityManager,
  ids: string[],
  type: string,
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM organisation WHERE id = ANY($1::uuid[]) AND type = $2`,
    [ids, type],
  );
  return new Set(rows.map((r) => r.id));
}
