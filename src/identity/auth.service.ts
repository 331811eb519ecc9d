import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { LockoutService } from './lockout.service';
import { MfaService } from './mfa.service';
import { passwordProblems } from './password-policy';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import type { AuthenticatedUser, Role } from './permissions';
import { SlidingWindowLimiter } from './rate-limiter';
import { UsersService } from './users.service';

/** Sign-in attempts allowed for one email address per minute, from anywhere. */
export const ACCOUNT_LOGIN_ATTEMPTS_PER_MINUTE = 10;

/** Deliberately one message for an unknown email, a wrong password, a wrong code and a deactivated account. */
export const INVALID_CREDENTIALS_MESSAGE = 'The email address, password or security code is not correct';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationIds: string[];
}

export type LoginFailureReason = 'invalid-credentials' | 'otp-required' | 'locked' | 'rate-limited';

export type LoginResult =
  | {
      ok: true;
      user: SignedInUser;
      /** Their role needs a second factor they have not set up: issue an enrolment-only token or session. */
      mfaEnrolmentRequired: boolean;
    }
  | { ok: false; reason: LoginFailureReason; message: string; retryAfterSeconds?: number };

/** Password (and TOTP) sign-in shared by the API login route and the web sign-in page. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly perIp: SlidingWindowLimiter;
  private readonly perAccount = new SlidingWindowLimiter(ACCOUNT_LOGIN_ATTEMPTS_PER_MINUTE, 60_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly lockout: LockoutService,
    private readonly mfa: MfaService,
    private readonly audit: AuditService,
  ) {
    this.perIp = new SlidingWindowLimiter(config.LOGIN_RATE_LIMIT_PER_MINUTE, 60_000);
  }

  async login(
    email: string,
    password: string,
    otp: string | undefined,
    ip: string | undefined,
  ): Promise<LoginResult> {
    const wait = this.perIp.hit(ip ?? 'unknown') || this.perAccount.hit(email.trim().toLowerCase());
    if (wait) {
      this.logger.warn({ reason: 'rate-limited' }, 'sign-in refused');
      return {
        ok: false,
        reason: 'rate-limited',
        message: `Too many sign-in attempts. Try again in ${wait} seconds.`,
        retryAfterSeconds: wait,
      };
    }
    const user = await this.users.findWithSecretsByEmail(email);
    if (await this.lockout.lockedUntil(email)) {
      await this.failed(user?.id ?? null, 'locked');
      return { ok: false, reason: 'locked', message: this.lockedMessage() };
    }
    const passwordOk =
      user && user.active
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDummy(password);
    if (!user || !passwordOk) return this.failure(email, user?.id ?? null, 'wrong-password-or-unknown');

    if (user.mfaEnabled && user.mfaSecret) {
      if (!otp) {
        return {
          ok: false,
          reason: 'otp-required',
          message: 'Enter the 6-digit security code from your authenticator app',
        };
      }
      if (!(await this.mfa.verifyAndConsume(user.id, user.mfaSecret, user.mfaLastStep, otp))) {
        return this.failure(email, user.id, 'wrong-otp');
      }
    }
    await this.lockout.clear(email);
    const mfaEnrolmentRequired =
      !user.mfaEnabled && user.roles.some((role) => this.config.MFA_REQUIRED_ROLES.includes(role));
    await this.audit.record({
      action: 'auth.login',
      userId: user.id,
      details: { mfa: user.mfaEnabled, ...(mfaEnrolmentRequired ? { enrolmentOnly: true } : {}) },
    });
    this.logger.log({ userId: user.id }, 'signed in');
    return {
      ok: true,
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        roles: user.roles,
        organisationIds: user.organisationIds,
      },
      mfaEnrolmentRequired,
    };
  }

  /** Sets a new password and signs the user out everywhere else. */
  async changePassword(
    actor: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users.findWithSecretsById(actor.id);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new BadRequestException(['currentPassword is not correct']);
    }
    const problems = passwordProblems(newPassword, { email: user.email, name: user.name });
    if (newPassword === currentPassword) problems.push('newPassword must differ from the current password');
    if (problems.length)
      throw new BadRequestException(problems.map((p) => p.replace(/^password/, 'newPassword')));
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE app_user SET password_hash = $2, password_changed_at = now(), version = version + 1,
                updated_at = now() WHERE id = $1`,
        [user.id, passwordHash],
      );
      await this.users.endAllSignIns(m, user.id, { tokenId: actor.tokenId, sessionId: actor.sessionId });
      await this.audit.record({ action: 'auth.password-change', actor }, m);
    });
  }

  private async failure(email: string, userId: string | null, reason: string): Promise<LoginResult> {
    const lockedNow = await this.lockout.recordFailure(email);
    await this.failed(userId, reason);
    if (lockedNow) {
      await this.audit.record({
        action: 'auth.locked',
        userId,
        details: { minutes: this.config.LOGIN_LOCKOUT_MINUTES },
      });
      return { ok: false, reason: 'locked', message: this.lockedMessage() };
    }
    return { ok: false, reason: 'invalid-credentials', message: INVALID_CREDENTIALS_MESSAGE };
  }

  private async failed(userId: string | null, reason: string): Promise<void> {
    // The typed email is not recorded: people sometimes type their password into the email field.
    await this.audit.record({ action: 'auth.login-failed', userId, details: { reason } });
    this.logger.warn({ reason }, 'sign-in refused');
  }

  private lockedMessage(): string {
    return `Sign-in for this account is locked after too many failed attempts. Try again in ${this.config.LOGIN_LOCKOUT_MINUTES} minutes, or ask an administrator to unlock it.`;
  }
}
