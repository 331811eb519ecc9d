import { EntityManager } from 'typeorm';

/** The next SI-YYYY-NNNN for the year; the counter row is locked by the upsert until the transaction ends. */
export async function nextIncidentReference(manager: EntityManager, year: number): Promise<string> {
  const rows: { last_number: number }[] = await manager.query(
    `INSERT INTO si_reference_counter (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = si_reference_counter.last_number + 1
       RETURNING last_number`,
    [year],
  );
  return `SI-${year}-${String(rows[0].last_number).padStart(4, '0')}`;
}
