import { EntityManager } from 'typeorm';

const SERIES = {
  SI: 'si_reference_counter',
  NR: 'si_national_review_counter',
  REC: 'recommendation_counter',
} as const;

/**
 * The next PREFIX-YYYY-NNNN (SI-2026-0001, NR-2026-0001, REC-2026-0001); the year's counter row stays
 * locked by the upsert until the transaction ends, so numbers never repeat.
 */
export async function nextReference(
  manager: EntityManager,
  prefix: keyof typeof SERIES,
  year: number,
): Promise<string> {
  const table = SERIES[prefix];
  const rows: { last_number: number }[] = await manager.query(
    `INSERT INTO ${table} (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = ${table}.last_number + 1
       RETURNING last_number`,
    [year],
  );
  return `${prefix}-${year}-${String(rows[0].last_number).padStart(4, '0')}`;
}
