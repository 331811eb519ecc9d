import { DataSource } from 'typeorm';
import { IdentityDemoSeeder } from '../src/identity/identity-demo.seeder';
import { SeriousIncidentsDemoSeeder } from '../src/serious-incidents/serious-incidents-demo.seeder';
import { withScratchDatabase } from './support/auth';
import { createTestApp } from './support/test-app';

describe('serious incidents: demo data', () => {
  it('loads incidents at different stages through the real services, once', async () => {
    await withScratchDatabase(async () => {
      const app = await createTestApp({ MFA_REQUIRED_ROLES: '' });
      try {
        await app.get(IdentityDemoSeeder).seedDemo();
        const seeder = app.get(SeriousIncidentsDemoSeeder);
        await seeder.seedDemo();
        await seeder.seedDemo();
        const db = app.get(DataSource);
        const incidents: { status: string }[] = await db.query(`SELECT status FROM serious_incident`);
        expect(incidents.map((i) => i.status).sort()).toEqual([
          'draft',
          'submitted',
          'submitted',
          'submitted',
          'submitted',
        ]);
        const lcsprs: { published: boolean }[] = await db.query(
          `SELECT published_on IS NOT NULL AS published FROM si_lcspr ORDER BY published_on NULLS FIRST`,
        );
        expect(lcsprs).toEqual([{ published: false }, { published: true }]);
        const statuses: { rule_id: string; status: string }[] = await db.query(
          `SELECT rule_id, status FROM clock WHERE case_type = 'si' AND rule_id IN ('SI-LAC-DEATH', 'SI-LCSPR-COMPLETE')`,
        );
        expect(statuses).toEqual(
          expect.arrayContaining([
            { rule_id: 'SI-LAC-DEATH', status: 'met' },
            { rule_id: 'SI-LCSPR-COMPLETE', status: 'met' },
            { rule_id: 'SI-LCSPR-COMPLETE', status: 'running' },
          ]),
        );
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM recommendation_action`);
        expect(n).toBe(3);
      } finally {
        await app.close();
      }
    });
  });
});
