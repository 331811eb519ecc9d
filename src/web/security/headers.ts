import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The pages' Content-Security-Policy: nothing inline, nothing from elsewhere. Images may be data: URLs
 * because the TOTP enrolment QR code is one. `form-action 'self'` stops a tampered page posting answers
 * to another site.
 */
export function pageDirectives(production: boolean): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** Swagger UI styles its elements inline; its own scripts are files, so only styles are relaxed. */
function swaggerDirectives(production: boolean): Directives {
  return {
    ...pageDirectives(production),
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'https:'],
  };
}

function helmetFor(directives: Directives, production: boolean) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}

export const API_DOCS_PATH = '/api/docs';

/** The helmet headers for every response, with the relaxed policy scoped to the API documentation. */
export function securityHeaders(production: boolean) {
  const pages = helmetFor(pageDirectives(production), production);
  const docs = helmetFor(swaggerDirectives(production), production);
  return (req: Request, res: Response, next: NextFunction) =>
    req.path === API_DOCS_PATH || req.path.startsWith(`${API_DOCS_PATH}/`)
      ? docs(req, res, next)
      : pages(req, res, next);
}

/**
 * Pages and API answers can carry case data, so neither a browser nor a proxy may keep them. Only the
 * static assets are cacheable (they are served before this runs).
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
}
