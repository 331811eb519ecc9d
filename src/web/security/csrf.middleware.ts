import { ForbiddenException, Injectable, NestMiddleware } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pathOnly } from '../../common/request-context';
import { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE } from '../../identity/session.service';
import { isApiPath } from './api-paths';
import { webCookieOptions } from './cookies';
import { CsrfService } from './csrf.service';

/** Random value that binds the sign-in form's token before there is a session (signed double submit). */
export const PRE_SESSION_COOKIE = 'cdr_presession';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_REFUSED = 'csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Gives every page a token for its forms (`csrfToken` in the templates) and refuses a state-changing
 * request that does not carry a valid one. Requests with a bearer token are exempt: a browser cannot add
 * an Authorization header to a cross-site request, and API clients hold no cookies to ride on.
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(
    private readonly csrf: CsrfService,
    private readonly config: AppConfig,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    // Nest mounts module middleware on a route pattern, so req.path may be relative: use the full URL.
    const api = isApiPath(pathOnly(req.originalUrl));
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    const session = cookies[SESSION_COOKIE];
    let binding = session
      ? `session:${session}`
      : cookies[PRE_SESSION_COOKIE] && `pre:${cookies[PRE_SESSION_COOKIE]}`;

    if (!api) {
      if (!binding) {
        const value = randomBytes(24).toString('base64url');
        res.cookie(PRE_SESSION_COOKIE, value, webCookieOptions(req, this.config.isProduction));
        binding = `pre:${value}`;
      }
      res.locals.csrfToken = this.csrf.issue(binding);
    }

    if (SAFE_METHODS.has(req.method) || /^Bearer\s/i.test(req.headers.authorization ?? '')) return next();
    if (api && !session) return next();

    const body = req.body as Record<string, unknown> | undefined;
    const token = body?.[CSRF_FIELD] ?? req.headers[CSRF_HEADER] ?? this.fromMultipartQuery(req);
    if (!binding || !this.csrf.isValid(binding, token)) {
      throw new ForbiddenException({
        message: 'The form could not be sent because it had expired or did not come from this service.',
        reason: CSRF_REFUSED,
      });
    }
    if (body && typeof body === 'object') delete body[CSRF_FIELD];
    next();
  }

  /** Uploads are parsed after this runs, so a multipart form carries its token in the action URL. */
  private fromMultipartQuery(req: Request): unknown {
    return req.is('multipart/form-data') ? req.query[CSRF_FIELD] : undefined;
  }
}
