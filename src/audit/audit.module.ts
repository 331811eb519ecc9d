import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdFor } from '../common/request-context';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { requestStore } from './request-store';

function rememberRequest(req: Request, res: Response, next: NextFunction): void {
  // Same id the request log uses, whichever middleware runs first.
  (req as { id?: string }).id = correlationIdFor(req, res);
  requestStore.run(req, next);
}

@Global()
@Module({ controllers: [AuditController], providers: [AuditService], exports: [AuditService] })
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(rememberRequest).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
