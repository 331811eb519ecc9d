import { SetMetadata } from '@nestjs/common';

export const DEMO_SEEDER = 'demo:seeder';

/**
 * Marks a provider that loads demo data for its capability. Seeders run in ascending order (organisations
 * and users before cases) and must be safe to run again on a database that already has the demo data.
 */
export const DemoSeeder = (order: number) => SetMetadata(DEMO_SEEDER, order);

export interface SeedsDemoData {
  seedDemo(): Promise<void>;
}
