import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import type { AuthenticatedUser } from '../../identity/permissions';
import { WebRegistry } from './web-registry.service';

/** The warning shows this long before the session ends (GOV.UK suggests two minutes). */
const WARNING_SECONDS = 120;

/** What the layout needs on every page: who is signed in, their navigation, and the session timeout. */
export function pageLocals(req: Request, registry: WebRegistry, config: AppConfig): Record<string, unknown> {
  const user = (req as Request & { user?: AuthenticatedUser }).user;
  const idleSeconds = config.SESSION_IDLE_MINUTES * 60;
  return {
    user,
    navigation: registry.navigationFor(user, req.path),
    sessionTimeout:
      user?.via === 'session'
        ? { idleSeconds, warningSeconds: Math.min(WARNING_SECONDS, Math.floor(idleSeconds / 2)) }
        : undefined,
  };
}

@Injectable()
export class PageLocalsInterceptor implements NestInterceptor {
  constructor(
    private readonly registry: WebRegistry,
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const res = http.getResponse<Response>();
    Object.assign(res.locals, pageLocals(http.getRequest<Request>(), this.registry, this.config));
    // Nest answers a POST with 201; a posted form that shows a page (errors, confirmation) is a 200.
    if (
      res.statusCode === 201 &&
      this.reflector.get(HTTP_CODE_METADATA, context.getHandler()) === undefined
    ) {
      res.status(200);
    }
    return next.handle();
  }
}
