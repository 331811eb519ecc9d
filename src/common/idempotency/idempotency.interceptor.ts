import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Cron, CronExpression } from '@nestjs/schedule';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, Observable, of, switchMap, tap } from 'rxjs';
import { DataSource } from 'typeorm';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
}

/**
 * Repeating a mutating request with the same Idempotency-Key and body returns the first response and
 * creates nothing new, so a notifier whose connection dropped can safely press the button again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (key === undefined || !MUTATING.has(req.method)) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new BadRequestException(['Idempotency-Key must be 1 to 200 printable characters']);
    }
    const principal = req.user?.id ?? 'anonymous';
    const path = req.originalUrl.split('?')[0];
    const hash = createHash('sha256')
      .update(`${req.method} ${path}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);

    return from(this.claim(principal, key, req.method, path, hash)).pipe(
      switchMap((previous) => {
        if (previous) {
          if (previous.request_hash !== hash) {
            throw new UnprocessableEntityException(
              'Idempotency-Key was already used with a different request; use a new key',
            );
          }
          if (previous.status_code === null) {
            throw new ConflictException('A request with this Idempotency-Key is still being processed');
          }
          res.status(previous.status_code);
          return of(previous.response_body);
        }
        return next.handle().pipe(
          tap({
            next: (body) => void this.remember(principal, key, status, body),
            error: () => void this.forget(principal, key),
          }),
        );
      }),
    );
  }

  /** Returns the earlier request's record, or undefined when this request is the first with the key. */
  private async claim(
    principal: string,
    key: string,
    method: string,
    path: string,
    hash: string,
  ): Promise<StoredResponse | undefined> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (principal, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING key`,
      [principal, key, method, path, hash],
    );
    if (inserted.length) return undefined;
    const rows: StoredResponse[] = await this.dataSource.query(
      `SELECT request_hash, status_code, response_body FROM idempotency_key WHERE principal = $1 AND key = $2`,
      [principal, key],
    );
    return rows[0];
  }

  private async remember(principal: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $3, response_body = $4 WHERE principal = $1 AND key = $2`,
      [principal, key, status, JSON.stringify(body ?? null)],
    );
  }

  private async forget(principal: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE principal = $1 AND key = $2`, [
      principal,
      key,
    ]);
  }

  @Cron(CronExpression.EVERY_HOUR)
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - interval '24 hours'`);
  }
}
