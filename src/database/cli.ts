import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { startDatabaseServer } from './database-server';
import { typeOrmOptions } from './typeorm-options';

/**
 * `npm run migration:run | migration:revert | migration:generate -- <Name>` against DATABASE_URL, or the
 * embedded cluster in DATA_DIR when it is unset.
 */
async function cli(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const env = loadEnvironment();
  const server = await startDatabaseServer(env, (message) => console.log(message));
  const entities = [path.join(__dirname, '..', '**', '*.entity.js')];
  const dataSource = new DataSource({ ...typeOrmOptions(server.url), migrationsRun: false, entities });
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(
        applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'no pending migrations',
      );
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'generate') {
      if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name))
        throw new Error('usage: migration:generate -- <PascalCaseName>');
      await generate(dataSource, name);
    } else {
      throw new Error('usage: cli.js run | revert | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
    await server.stop();
  }
}

/** Writes the SQL that would bring the schema in line with the entities; the file is reviewed, then listed in migrations/index.ts. */
async function generate(dataSource: DataSource, name: string): Promise<void> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (!sql.upQueries.length) {
    console.log('the schema already matches the entities');
    return;
  }
  const stamp = Date.now();
  const up = sql.upQueries.map((q) => `    await q.query(${JSON.stringify(q.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((q) => `    await q.query(${JSON.stringify(q.query)});`)
    .join('\n');
  const file = path.resolve(__dirname, '..', '..', '..', 'migrations', `${stamp}-${name}.ts`);
  fs.writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  console.log(`wrote ${file}; add it to migrations/index.ts`);
}

cli().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
