import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { loadEnvironment } from '../src/config/environment';
import { Public } from '../src/identity/permissions';

class ChildDto {
  @IsString()
  givenName!: string;
}

class EchoDto {
  @Type(() => ChildDto)
  @ValidateNested()
  child!: ChildDto;

  @IsInt()
  @Max(10)
  primaryCategory!: number;
}

let created = 0;

@Controller('api/platform-probe')
class ProbeController {
  @Public()
  @Post()
  echo(@Body() body: EchoDto) {
    created += 1;
    return { created, category: body.primaryCategory };
  }

  @Public()
  @Get('boom')
  boom(): never {
    throw new Error('secret internals: relation "child" detail 9434765919');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('platform', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    const env = loadEnvironment({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const root = AppModule.forRoot(env, process.env.DATABASE_URL!);
    app = await NestFactory.create<NestExpressApplication>(
      { ...root, imports: [...(root.imports ?? []), ProbeModule] },
      { logger: false, bufferLogs: true },
    );
    configureApp(app);
    await app.init();
  });

  afterAll(() => app.close());

  it('answers /health with the database up and a correlation id', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('has run the real migrations', async () => {
    const rows: { name: string }[] = await app.get(DataSource).query('SELECT name FROM migrations');
    expect(rows.map((r) => r.name)).toContain('Platform1763950000000');
  });

  it('rejects bad input with 400, naming the field and the rule, with the correlation id', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/platform-probe')
      .set('X-Correlation-Id', 'probe-correlation-1')
      .send({ child: { givenName: 7 }, primaryCategory: 11, extra: true })
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.correlationId).toBe('probe-correlation-1');
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'property extra should not exist',
        'primaryCategory must not be greater than 10',
        'child.givenName must be a string',
      ]),
    );
  });

  it('hides internals of unexpected errors behind a 500 with only the correlation id', async () => {
    const res = await request(app.getHttpServer()).get('/api/platform-probe/boom').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: expect.stringContaining('correlation id'),
      correlationId: res.headers['x-correlation-id'],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/secret|9434765919|at /);
  });

  it('replays the first response for a repeated Idempotency-Key and creates nothing new', async () => {
    const send = (key: string, category: number) =>
      request(app.getHttpServer())
        .post('/api/platform-probe')
        .set('Idempotency-Key', key)
        .send({ child: { givenName: 'A' }, primaryCategory: category });
    const first = await send('probe-key-1', 3).expect(201);
    const again = await send('probe-key-1', 3).expect(201);
    expect(again.body).toEqual(first.body);
    await send('probe-key-1', 4).expect(422);
    const other = await send('probe-key-2', 3).expect(201);
    expect(other.body.created).toBe(first.body.created + 1);
  });

  it('publishes the OpenAPI description with every route', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health']));
  });
});
