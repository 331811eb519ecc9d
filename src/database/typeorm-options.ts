import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

/** One definition of how the portal talks to PostgreSQL, shared by the app, the CLI and the tests. */
export function typeOrmOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 20, application_name: 'cdr-portal' },
  };
}
