import { Body, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import { AllowDuringMfaEnrolment } from '../../identity/auth.guard';
import { AuthService, LoginResult } from '../../identity/auth.service';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission, Public } from '../../identity/permissions';
import { formErrors, validateForm } from '../forms/form';
import { WebController } from '../shell/web-controller';
import { safeReturnTo, SecurityCodeForm, SignInForm } from './sign-in.forms';
import { WebSessions } from './web-sessions.service';

export const TWO_FACTOR_SET_UP_PATH = '/account/two-factor';

type Notice = 'timed-out' | 'signed-out' | 'two-factor-set-up' | 'code-expired';

/** Messages chosen by a key in the address, never text taken from it. */
function notice(key: Notice | undefined, idleMinutes: number): string | undefined {
  switch (key) {
    case 'timed-out':
      return `You were signed out because you had not used the service for ${idleMinutes} minutes. Sign in again to continue.`;
    case 'signed-out':
      return 'You have signed out.';
    case 'two-factor-set-up':
      return 'Two-factor authentication is set up. Sign in again, using a security code from your authenticator app.';
    case 'code-expired':
      return 'Your sign-in took too long. Enter your email address and password again.';
    default:
      return undefined;
  }
}

@WebController()
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly webSessions: WebSessions,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('sign-in')
  page(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const user = (req as Request & { user?: AuthenticatedUser }).user;
    const returnTo = safeReturnTo(query.returnTo);
    if (user && !user.mfaEnrolmentOnly) return res.redirect(303, returnTo);
    const key = query.signedOut === 'true' ? 'timed-out' : (query.notice as Notice | undefined);
    res.render('sign-in/sign-in.njk', {
      values: {},
      returnTo,
      notice: notice(key, this.config.SESSION_IDLE_MINUTES),
    });
  }

  @Public()
  @Post('sign-in')
  async signIn(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const returnTo = safeReturnTo(body.returnTo);
    const outcome = await validateForm(SignInForm, body);
    if (!outcome.valid) {
      return res
        .status(400)
        .render('sign-in/sign-in.njk', { ...outcome, values: { email: body.email }, returnTo });
    }
    const { email, password } = outcome.value;
    const result = await this.auth.login(email, password, undefined, req.ip);
    if (!result.ok && result.reason === 'otp-required') {
      this.webSessions.holdPending(req, res, { email, password, returnTo });
      return res.redirect(303, '/sign-in/security-code');
    }
    return this.finish(result, req, res, returnTo, () =>
      res.status(401).render('sign-in/sign-in.njk', {
        errors: formErrors([{ field: 'email', text: result.ok ? '' : result.message }]),
        values: { email },
        returnTo,
      }),
    );
  }

  @Public()
  @Get('sign-in/security-code')
  codePage(@Req() req: Request, @Res() res: Response) {
    if (!this.webSessions.pending(req)) return res.redirect(303, '/sign-in?notice=code-expired');
    res.render('sign-in/security-code.njk', { values: {} });
  }

  @Public()
  @Post('sign-in/security-code')
  async code(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const pending = this.webSessions.pending(req);
    if (!pending) return res.redirect(303, '/sign-in?notice=code-expired');
    const outcome = await validateForm(SecurityCodeForm, body);
    if (!outcome.valid) return res.status(400).render('sign-in/security-code.njk', outcome);
    const result = await this.auth.login(pending.email, pending.password, outcome.value.code, req.ip);
    return this.finish(result, req, res, pending.returnTo, () =>
      res.status(401).render('sign-in/security-code.njk', {
        errors: formErrors([
          { field: 'code', text: 'The security code is not correct. Enter the code your app shows now' },
        ]),
        values: {},
      }),
    );
  }

  /** Always open, so an expired session can still sign out cleanly; the form still needs its CSRF token. */
  @Public()
  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response) {
    const user = (req as Request & { user?: AuthenticatedUser }).user;
    await this.webSessions.end(req, res);
    if (user) await this.audit.record({ action: 'auth.logout', actor: user });
    res.redirect(303, '/sign-in?notice=signed-out');
  }

  /** Called by the timeout warning's "Stay signed in": any signed-in request extends the session. */
  @Permission(...ALL_ROLES)
  @AllowDuringMfaEnrolment()
  @Get('session/keep-alive')
  @HttpCode(204)
  keepAlive(@CurrentUser() _user: AuthenticatedUser): void {}

  private async finish(
    result: LoginResult,
    req: Request,
    res: Response,
    returnTo: string,
    wrong: () => void,
  ) {
    if (result.ok) {
      await this.webSessions.start(req, res, result.user.id, result.mfaEnrolmentRequired);
      return res.redirect(303, result.mfaEnrolmentRequired ? TWO_FACTOR_SET_UP_PATH : returnTo);
    }
    if (result.reason === 'locked' || result.reason === 'rate-limited') {
      this.webSessions.clearPending(req, res);
      if (result.retryAfterSeconds) res.setHeader('Retry-After', String(result.retryAfterSeconds));
      return res
        .status(result.reason === 'locked' ? 403 : 429)
        .render('sign-in/locked.njk', { message: result.message, locked: result.reason === 'locked' });
    }
    return wrong();
  }
}
