import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Reuses a well-formed caller-supplied X-Correlation-Id so one id follows a request across systems. */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  const existing = (req as { id?: unknown }).id;
  if (typeof existing === 'string') return existing;
  const header = req.headers['x-correlation-id'];
  const id = typeof header === 'string' && SAFE_ID.test(header) ? header : randomUUID();
  res.setHeader('X-Correlation-Id', id);
  return id;
}

/** The path without its query string: queries can carry search terms such as names or NHS numbers. */
export function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}
