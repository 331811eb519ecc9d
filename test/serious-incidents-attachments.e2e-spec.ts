import { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp } from './support/test-app';
import { api, createPartnership, neglectDeath, Partnership, setNow } from './serious-incidents.fixtures';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');

describe.each([
  ['PostgreSQL', () => ({})],
  ['ATTACHMENTS_DIR', () => ({ ATTACHMENTS_DIR: mkdtempSync(join(tmpdir(), 'si-attachments-')) })],
])('notification attachments stored in %s', (_where, settings) => {
  let app: NestExpressApplication;
  let p: Partnership;
  let id: string;
  const env: Record<string, string> = { ATTACHMENT_MAX_BYTES: '2048', ...settings() };

  beforeAll(async () => {
    app = await createTestApp(env);
    p = await createPartnership(app);
    setNow(app, '2026-03-04T10:00:00Z');
    id = (
      await api(app, p.notifier)
        .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-03-02'))
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  const upload = (content: Buffer, filename: string) =>
    request(app.getHttpServer())
      .post(`/api/serious-incidents/${id}/attachments`)
      .set(p.notifier.auth)
      .field('description', 'Chronology')
      .attach('file', content, filename);

  it('keeps an allowed file with its checksum and gives it back unchanged', async () => {
    const added = await upload(PDF, 'chronology.pdf').expect(201);
    expect(added.body).toMatchObject({
      filename: 'chronology.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      description: 'Chronology',
    });
    const incident = await api(app, p.manager).get(`/api/serious-incidents/${id}`).expect(200);
    expect(incident.body.attachments).toEqual([expect.objectContaining({ id: added.body.id })]);
    const download = await api(app, p.manager)
      .get(`/api/serious-incidents/${id}/attachments/${added.body.id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    if (env.ATTACHMENTS_DIR) expect(readdirSync(join(env.ATTACHMENTS_DIR, id))).toEqual([added.body.id]);
  });

  it('refuses a file whose content is not an allowed type, whatever its name', async () => {
    const res = await upload(Buffer.from('MZ\u0090\u0000binary', 'latin1'), 'report.pdf').expect(400);
    expect(res.body.message).toEqual([expect.stringContaining('file must be one of these types')]);
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES', async () => {
    await upload(Buffer.concat([PDF, Buffer.alloc(4096, 0x20)]), 'big.pdf').expect(413);
  });
});
