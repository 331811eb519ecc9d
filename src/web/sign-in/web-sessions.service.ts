import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE, SessionService } from '../../identity/session.service';
import { webCookieOptions } from '../security/cookies';
import { PRE_SESSION_COOKIE } from '../security/csrf.middleware';
import { seal, unseal } from '../security/seal';
import { WebSecrets } from '../security/web-secrets.service';

/** A sign-in whose password was right and that now waits for the security code. */
export interface PendingSignIn {
  email: string;
  password: string;
  returnTo: string;
}

const PENDING_COOKIE = 'cdr_signin_pending';
const PENDING_PATH = '/sign-in';
/** Time to open the authenticator app and type the code. */
const PENDING_SECONDS = 300;

/**
 * Starts and ends web sessions (the cookie side; identity's SessionService keeps them in PostgreSQL).
 * Between the password page and the security-code page the typed credentials wait in a cookie sealed
 * with the shared key (AES-GCM): unreadable to the browser, usable by any instance, gone in 5 minutes.
 */
@Injectable()
export class WebSessions {
  constructor(
    private readonly sessions: SessionService,
    private readonly secrets: WebSecrets,
    private readonly config: AppConfig,
  ) {}

  /** A new session id on every sign-in, so a session fixed before sign-in is never promoted. */
  async start(req: Request, res: Response, userId: string, enrolmentOnly: boolean): Promise<void> {
    await this.endCurrent(req);
    const { id } = await this.sessions.create(userId, req.ip, { enrolmentOnly });
    const options = webCookieOptions(req, this.config.isProduction);
    res.cookie(SESSION_COOKIE, id, options);
    res.clearCookie(PRE_SESSION_COOKIE, options);
    this.clearPending(req, res);
  }

  async end(req: Request, res: Response): Promise<void> {
    await this.endCurrent(req);
    res.clearCookie(SESSION_COOKIE, webCookieOptions(req, this.config.isProduction));
  }

  holdPending(req: Request, res: Response, pending: PendingSignIn): void {
    const value = seal(this.secrets.key('seal-key'), pending, PENDING_SECONDS);
    res.cookie(PENDING_COOKIE, value, {
      ...webCookieOptions(req, this.config.isProduction),
      path: PENDING_PATH,
      maxAge: PENDING_SECONDS * 1000,
    });
  }

  pending(req: Request): PendingSignIn | undefined {
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    return unseal<PendingSignIn>(this.secrets.key('seal-key'), cookies?.[PENDING_COOKIE]);
  }

  clearPending(req: Request, res: Response): void {
    res.clearCookie(PENDING_COOKIE, {
      ...webCookieOptions(req, this.config.isProduction),
      path: PENDING_PATH,
    });
  }

  private async endCurrent(req: Request): Promise<void> {
    const current = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    if (typeof current === 'string' && current.length <= 200) await this.sessions.destroy(current);
  }
}
