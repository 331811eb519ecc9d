import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { createValidationPipe } from './common/validation';
import { configureWeb } from './web/configure-web';

/** Everything the running server and the e2e tests must share, so tests exercise the real thing. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  // The web session cookie is read by the global AuthGuard.
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  configureWeb(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Child death review and serious incident portal')
      .setDescription('JSON API for integrations, scripts and tests. Dates are YYYY-MM-DD (London).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
