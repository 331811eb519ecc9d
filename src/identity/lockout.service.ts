import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { sha256 } from './secrets';

/**
 * Locks sign-in for an email after LOGIN_LOCKOUT_ATTEMPTS consecutive failures, for LOGIN_LOCKOUT_MINUTES.
 * Applies to any email typed, registered or not, so being locked out reveals nothing about accounts.
 */
@Injectable()
export class LockoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async lockedUntil(email: string): Promise<Date | null> {
    const rows: { lockedUntil: Date }[] = await this.dataSource.query(
      `SELECT locked_until AS "lockedUntil" FROM login_lockout WHERE email_key = $1 AND locked_until > now()`,
      [key(email)],
    );
    return rows[0]?.lockedUntil ?? null;
  }

  /** Counts one more failure; returns true when this failure locked the account. */
  async recordFailure(email: string): Promise<boolean> {
    // Failures older than the lockout window, or from before an expired lock, no longer count.
    const rows: { failures: number; lockedUntil: Date | null }[] = await this.dataSource.query(
      `INSERT INTO login_lockout AS l (email_key, failures, last_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN l.last_failure_at < now() - make_interval(mins => $2)
                           OR l.locked_until <= now() THEN 1 ELSE l.failures + 1 END,
         locked_until = CASE WHEN l.locked_until <= now() THEN NULL ELSE l.locked_until END,
         last_failure_at = now()
       RETURNING failures, locked_until AS "lockedUntil"`,
      [key(email), this.config.LOGIN_LOCKOUT_MINUTES],
    );
    const { failures, lockedUntil } = rows[0];
    if (failures < this.config.LOGIN_LOCKOUT_ATTEMPTS || lockedUntil) return false;
    await this.dataSource.query(
      `UPDATE login_lockout SET locked_until = now() + make_interval(mins => $2) WHERE email_key = $1`,
      [key(email), this.config.LOGIN_LOCKOUT_MINUTES],
    );
    return true;
  }

  async clear(email: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(`DELETE FROM login_lockout WHERE email_key = $1`, [
      key(email),
    ]);
  }
}

function key(email: string): string {
  return sha256(email.trim().toLowerCase());
}
