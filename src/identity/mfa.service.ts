import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { authenticator } from 'otplib';
import { toDataURL } from 'qrcode';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser } from './permissions';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

const STEP_SECONDS = 30;
// One step either side tolerates a phone clock a little out and a code typed as it changed.
const totp = authenticator.clone({ window: 1, step: STEP_SECONDS });

export interface MfaEnrolment {
  /** For authenticator apps; holds the secret, so show it only to the person enrolling. */
  otpauthUrl: string;
  /** The same as a QR code image (PNG data URL). */
  qrDataUrl: string;
}

/** TOTP second factor (RFC 6238), as used by Microsoft/Google Authenticator and similar apps. */
@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** Starts (or restarts) enrolment. A factor already in use keeps working until the new one is confirmed. */
  async enrol(user: AuthenticatedUser): Promise<MfaEnrolment> {
    const secret = totp.generateSecret(20);
    await this.dataSource.query(`UPDATE app_user SET mfa_pending_secret = $2 WHERE id = $1`, [
      user.id,
      secret,
    ]);
    await this.audit.record({ action: 'auth.mfa-enrol', actor: user });
    const otpauthUrl = totp.keyuri(user.email, this.config.SERVICE_NAME ?? 'CDR portal', secret);
    return { otpauthUrl, qrDataUrl: await toDataURL(otpauthUrl) };
  }

  /**
   * Finishes enrolment with a code from the app. Someone who signed in only to enrol is signed out
   * (their enrolment-only token or session ends) and signs in again with a code.
   */
  async confirm(user: AuthenticatedUser, otp: string): Promise<{ mfaEnabled: true; signInAgain: boolean }> {
    const stored = await this.users.findWithSecretsById(user.id);
    const step = stored?.mfaPendingSecret ? this.acceptedStep(stored.mfaPendingSecret, otp, null) : null;
    if (step === null) {
      throw new BadRequestException([
        'otp is not the current code for the secret being enrolled: scan the QR code again or wait for the next code',
      ]);
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE app_user SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_enabled = true,
                mfa_last_step = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [user.id, step],
      );
      await this.audit.record({ action: 'auth.mfa-confirm', actor: user }, m);
    });
    if (user.mfaEnrolmentOnly) {
      if (user.tokenId) await this.tokens.revoke(user.tokenId);
      if (user.sessionId) await this.sessions.destroyById(user.sessionId);
    }
    return { mfaEnabled: true, signInAgain: Boolean(user.mfaEnrolmentOnly) };
  }

  /** Checks a sign-in code and uses it up, so the same code cannot be replayed. */
  async verifyAndConsume(
    userId: string,
    secret: string,
    lastStep: string | null,
    otp: string,
  ): Promise<boolean> {
    const step = this.acceptedStep(secret, otp, lastStep);
    if (step === null) return false;
    // The condition makes two simultaneous sign-ins with one code succeed at most once.
    const [updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE app_user SET mfa_last_step = $2 WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)
       RETURNING id`,
      [userId, step],
    );
    return updated.length > 0;
  }

  private acceptedStep(secret: string, otp: string, lastStep: string | null): number | null {
    if (!/^\d{6}$/.test(otp)) return null;
    const delta = totp.checkDelta(otp, secret);
    if (delta === null) return null;
    const step = Math.floor(Date.now() / 1000 / STEP_SECONDS) + delta;
    return lastStep !== null && step <= Number(lastStep) ? null : step;
  }
}
