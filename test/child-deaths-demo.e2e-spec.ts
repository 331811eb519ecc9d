import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { ChildDeathsDemoSeeder } from '../src/child-deaths/child-deaths-demo.seeder';
import { IdentityDemoSeeder } from '../src/identity/identity-demo.seeder';
import { createTestApp } from './support/test-app';

describe('child death demo data', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp();
    await app.get(IdentityDemoSeeder).seedDemo();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads cases at different stages through the real services, once however often it runs', async () => {
    const seeder = app.get(ChildDeathsDemoSeeder);
    await seeder.seedDemo();
    await seeder.seedDemo();
    const rows: { state: string; notifications: number; nhs_number: string }[] = await app
      .get(DataSource)
      .query(
        `SELECT c.state, c.nhs_number, (SELECT count(*)::int FROM cdr_notification n WHERE n.case_id = c.id) AS notifications
         FROM cdr_case c JOIN organisation o ON o.id = c.owning_cdop_id
        WHERE o.code = 'DEMO-CDOP' ORDER BY c.reference`,
      );
    expect(rows.map((r) => r.state).sort()).toEqual([
      'awaiting-cdrm',
      'information-gathering',
      'notified',
      'reviewed-by-cdop',
    ]);
    expect(rows.every((r) => r.nhs_number.startsWith('999'))).toBe(true);
    expect(rows.find((r) => r.state === 'notified')?.notifications).toBe(2);
  });
});
