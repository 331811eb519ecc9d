import express from 'express';
import request from 'supertest';
import { securityHeaders } from './headers';

function appWith(production: boolean) {
  const app = express();
  app.use(securityHeaders(production));
  app.get('/{*path}', (_req, res) => res.send('ok'));
  return app;
}

describe('security headers', () => {
  it('demands HTTPS (HSTS, upgrade-insecure-requests) in production only', async () => {
    const live = await request(appWith(true)).get('/');
    expect(live.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(live.headers['content-security-policy']).toContain('upgrade-insecure-requests');

    const local = await request(appWith(false)).get('/');
    expect(local.headers['strict-transport-security']).toBeUndefined();
    expect(local.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('relaxes styles for /api/docs and below only, never scripts', async () => {
    for (const path of ['/api/docs', '/api/docs/swagger-ui.css']) {
      const csp = (await request(appWith(false)).get(path)).headers['content-security-policy'];
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("script-src 'self';");
    }
    for (const path of ['/api/docsx', '/api/documents', '/']) {
      const csp = (await request(appWith(false)).get(path)).headers['content-security-policy'];
      expect(csp).not.toContain('unsafe-inline');
    }
  });
});
