import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import type nunjucks from 'nunjucks';
import { AllExceptionsFilter } from '../common/http-exception.filter';
import { AppConfig } from '../config/app-config';
import { SESSION_COOKIE } from '../identity/session.service';
import { htmlErrorRenderer } from './errors/html-errors';
import { assetsRouter, assetVersion } from './rendering/assets';
import { createNunjucks } from './rendering/nunjucks';
import { webCookieOptions } from './security/cookies';
import { noStore, securityHeaders } from './security/headers';
import { pageLocals } from './shell/page-locals.interceptor';
import { WebRegistry } from './shell/web-registry.service';

const VIEW_ENVIRONMENT = 'nunjucks environment';

export const DEFAULT_SERVICE_NAME = 'Child death review and safeguarding incidents';

/**
 * Everything the web pages need from the Express app: security headers, static assets, cookies, the
 * Nunjucks view engine and HTML error pages. Called from configureApp before any route is registered,
 * so the headers apply to every response, the API's included.
 */
export function configureWeb(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  const registry = app.get(WebRegistry);
  const views = createNunjucks(
    {
      serviceName: config.SERVICE_NAME ?? DEFAULT_SERVICE_NAME,
      assetVersion: assetVersion(),
      watch: config.NODE_ENV === 'development',
    },
    app.getHttpAdapter().getInstance(),
  );
  app.set(VIEW_ENVIRONMENT, views);

  app.use(securityHeaders(config.isProduction));
  app.use('/assets', assetsRouter());
  app.use(noStore);

  AllExceptionsFilter.htmlRenderer = htmlErrorRenderer({
    sessionCookie: SESSION_COOKIE,
    locals: (req) => pageLocals(req, registry, config),
    clearSessionCookie: (req: Request, res: Response) =>
      res.clearCookie(SESSION_COOKIE, webCookieOptions(req, config.isProduction)),
  });
}

/** The Nunjucks environment the pages render with, to add a filter or a folder of views. */
export function viewEnvironment(app: NestExpressApplication): nunjucks.Environment {
  const express = app.getHttpAdapter().getInstance() as { get(setting: string): unknown };
  return express.get(VIEW_ENVIRONMENT) as nunjucks.Environment;
}
