import type { DataSource } from 'typeorm';
import type { AuthenticatedUser, Role } from '../identity/permissions';

/** A demo person, loaded by the identity seeder, to act as when a later seeder records demo work. */
export async function demoUser(dataSource: DataSource, email: string): Promise<AuthenticatedUser | null> {
  const rows: { id: string; email: string; name: string; roles: Role[]; organisation_ids: string[] }[] =
    await dataSource.query(
      `SELECT id, email, name, roles, organisation_ids FROM app_user WHERE lower(email) = lower($1)`,
      [email],
    );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        email: row.email,
        name: row.name,
        roles: row.roles,
        organisationIds: row.organisation_ids,
        via: 'session',
      }
    : null;
}

/** Demo organisations' ids by their codes; a code the identity seeder has not loaded is absent. */
export async function demoOrganisationIds(
  dataSource: DataSource,
  codes: string[],
): Promise<Map<string, string>> {
  const rows: { code: string; id: string }[] = await dataSource.query(
    `SELECT code, id FROM organisation WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}
