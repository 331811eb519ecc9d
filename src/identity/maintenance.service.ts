import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

/** Removes credentials that can no longer be used, and lockout counters long past. */
@Injectable()
export class IdentityMaintenance {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Cron(CronExpression.EVERY_HOUR)
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM api_token WHERE expires_at <= now()`);
    await this.dataSource.query(`DELETE FROM web_session WHERE expires_at <= now()`);
    await this.dataSource.query(
      `DELETE FROM login_lockout WHERE last_failure_at < now() - interval '1 day'
         AND (locked_until IS NULL OR locked_until < now())`,
    );
  }
}
