import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/permissions';
import { UsersService } from '../../identity/users.service';

/**
 * An administrator's "reset two-factor authentication" for someone who lost their phone: the secret is
 * removed, they are signed out everywhere, and their next sign-in asks them to set up an app again (if
 * their role needs one).
 */
@Injectable()
export class MfaReset {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async reset(userId: string, version: number, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const rows: { version: number }[] = await m.query(
        `SELECT version FROM app_user WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (!rows[0]) throw new NotFoundException('No user with this id');
      if (rows[0].version !== version) {
        throw new ConflictException('This user was changed by someone else. Reload the page and try again.');
      }
      await m.query(
        `UPDATE app_user SET mfa_enabled = false, mfa_secret = NULL, mfa_pending_secret = NULL,
                mfa_last_step = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
        [userId],
      );
      await this.users.endAllSignIns(m, userId);
      await this.audit.record(
        { action: 'admin.user-mfa-reset', actor, details: { targetUserId: userId } },
        m,
      );
    });
  }
}
