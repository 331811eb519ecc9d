import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config';
import { correlationIdFor, pathOnly } from '../common/request-context';

/**
 * Structured JSON logs, one line per request with its correlation id. Only method, path (no query string)
 * and status are logged: bodies, headers and queries can hold personal data or credentials.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req: IncomingMessage, res: ServerResponse) => correlationIdFor(req, res),
          serializers: {
            req: (req: { id?: string; method?: string; url?: string }) => ({
              correlationId: req.id,
              method: req.method,
              path: pathOnly(req.url),
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
            err: (err: Error) => ({ type: err.name, message: err.message }),
          },
          redact: {
            paths: ['password', 'token', 'otp', '*.password', '*.token', '*.otp'],
            censor: '[redacted]',
          },
          autoLogging: { ignore: (req: IncomingMessage) => pathOnly(req.url).startsWith('/assets/') },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
