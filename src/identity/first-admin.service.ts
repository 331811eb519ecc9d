import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { passwordProblems } from './password-policy';
import { UsersService } from './users.service';

export const DEFAULT_ADMIN_EMAIL = 'admin@cdr-portal.local';

// Held while checking and creating, so several instances starting together create one administrator.
const FIRST_ADMIN_LOCK = 7_641_000;

/**
 * A fresh installation gets one system-admin: ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise a
 * generated password printed once to the console (never to the JSON log).
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
    const generated = this.config.ADMIN_PASSWORD ? undefined : generatePassword();
    const created = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      if (await this.users.hasAnyUserWithRole('system-admin', m)) return false;
      await this.users.create(
        {
          email,
          name: 'System administrator',
          password: this.config.ADMIN_PASSWORD ?? generated!,
          roles: ['system-admin'],
          organisationIds: [],
        },
        null,
        // The operator chose ADMIN_PASSWORD; the environment check already holds it to the minimum length.
        { manager: m, skipPasswordPolicy: Boolean(this.config.ADMIN_PASSWORD) },
      );
      return true;
    });
    if (!created) return;
    this.logger.log('first system administrator created');
    if (generated) {
      // Straight to stdout, outside the JSON log, so it is seen once and never shipped to log storage.
      process.stdout.write(
        `First system administrator: ${email} / password ${generated} (shown only this once: sign in and change it)\n`,
      );
    }
  }
}

function generatePassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (passwordProblems(candidate).length === 0) return candidate;
  }
}
