import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { OptimisticLockVersionMismatchError } from 'typeorm';
import { correlationIdFor } from './request-context';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  correlationId: string;
  [extra: string]: unknown;
}

/** Renders an error for people (web pages); the web layer registers one, the API never needs it. */
export type HtmlErrorRenderer = (req: Request, res: Response, body: ErrorBody) => boolean;

/**
 * The one place errors become responses. The body always carries the correlation id so a user can quote
 * it; unexpected errors say nothing about internals, and are logged without request data.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  static htmlRenderer?: HtmlErrorRenderer;

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const correlationId = correlationIdFor(req, res);
    const body = this.toBody(exception, correlationId);
    if (body.statusCode >= 500) this.logUnexpected(exception, correlationId);
    if (res.headersSent) return;
    if (AllExceptionsFilter.htmlRenderer?.(req, res, body)) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, correlationId: string): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const details =
        typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const message = (details.message as string | string[] | undefined) ?? exception.message;
      return {
        ...details,
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message,
        correlationId,
      };
    }
    if (exception instanceof OptimisticLockVersionMismatchError) {
      return {
        statusCode: HttpStatus.CONFLICT,
        error: 'Conflict',
        message: 'This record was changed by someone else. Reload it and try again.',
        correlationId,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong. Quote the correlation id if you contact support.',
      correlationId,
    };
  }

  private logUnexpected(exception: unknown, correlationId: string): void {
    // Database errors carry a `detail` with the offending values (possibly personal data): never log it.
    const error = exception instanceof Error ? exception : new Error(String(exception));
    const code = (exception as { code?: string }).code;
    this.logger.error({ correlationId, errorName: error.name, code, stack: error.stack }, error.message);
  }
}
