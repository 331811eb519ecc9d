import { Body, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toDataURL } from 'qrcode';
import { AllowDuringMfaEnrolment } from '../../identity/auth.guard';
import { AuthService } from '../../identity/auth.service';
import { MfaService } from '../../identity/mfa.service';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { UsersService } from '../../identity/users.service';
import { errorsFromService, formErrors, isRefusal, validateForm } from '../forms/form';
import { seal, unseal } from '../security/seal';
import { WebSecrets } from '../security/web-secrets.service';
import { NavItem } from '../shell/contributions';
import { WebController } from '../shell/web-controller';
import { ChangePasswordForm, SecurityCodeForm } from './sign-in.forms';
import { WebSessions } from './web-sessions.service';

const ENROLMENT_SECONDS = 15 * 60;

/** The key an authenticator app asks for when the QR code cannot be scanned, in groups of four. */
function manualKey(otpauthUrl: string): string {
  const secret = new URL(otpauthUrl).searchParams.get('secret') ?? '';
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

@NavItem({ text: 'Your account', href: '/account', order: 95 })
@Permission(...ALL_ROLES)
@WebController('account')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
    private readonly users: UsersService,
    private readonly secrets: WebSecrets,
    private readonly webSessions: WebSessions,
  ) {}

  @Get()
  @Render('account/index.njk')
  async index(@CurrentUser() user: AuthenticatedUser) {
    const stored = await this.users.findById(user.id);
    return { mfaEnabled: stored?.mfaEnabled ?? false };
  }

  @Get('password')
  @Render('account/password.njk')
  passwordPage() {
    return { values: {} };
  }

  @Post('password')
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    const outcome = await validateForm(ChangePasswordForm, body);
    const again = (errors: unknown) => res.status(400).render('account/password.njk', { errors, values: {} });
    if (!outcome.valid) return again(outcome.errors);
    const { currentPassword, newPassword, confirmPassword } = outcome.value;
    if (newPassword !== confirmPassword) {
      return again(formErrors([{ field: 'confirmPassword', text: 'The new passwords do not match' }]));
    }
    try {
      await this.auth.changePassword(user, currentPassword, newPassword);
    } catch (error) {
      return again(
        errorsFromService(
          error,
          { currentPassword: 'Current password', newPassword: 'New password' },
          'newPassword',
        ),
      );
    }
    res.render('confirmation.njk', {
      pageTitle: 'Password changed',
      title: 'Password changed',
      paragraphs: ['You have been signed out everywhere else. Use your new password next time you sign in.'],
      links: [{ text: 'Go to your work', href: '/' }],
    });
  }

  /** Each visit starts a fresh enrolment; the app already in use keeps working until the new one is confirmed. */
  @AllowDuringMfaEnrolment()
  @Get('two-factor')
  async twoFactorPage(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const { otpauthUrl, qrDataUrl } = await this.mfa.enrol(user);
    res.render('account/two-factor.njk', await this.twoFactorModel(user, otpauthUrl, qrDataUrl));
  }

  @AllowDuringMfaEnrolment()
  @Post('two-factor')
  async confirmTwoFactor(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const otpauthUrl = unseal<string>(this.secrets.key('seal-key'), body.enrolment);
    if (!otpauthUrl) return res.redirect(303, '/account/two-factor');
    const again = async (errors: unknown) =>
      res.status(400).render('account/two-factor.njk', {
        ...(await this.twoFactorModel(user, otpauthUrl, await toDataURL(otpauthUrl))),
        errors,
      });
    const outcome = await validateForm(SecurityCodeForm, body);
    if (!outcome.valid) return again(outcome.errors);
    let signInAgain: boolean;
    try {
      ({ signInAgain } = await this.mfa.confirm(user, outcome.value.code));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return again(
        formErrors([
          { field: 'code', text: 'The security code is not correct. Enter the code your app shows now' },
        ]),
      );
    }
    if (signInAgain) {
      await this.webSessions.end(req, res);
      return res.redirect(303, '/sign-in?notice=two-factor-set-up');
    }
    res.render('confirmation.njk', {
      pageTitle: 'Two-factor authentication set up',
      title: 'Two-factor authentication set up',
      paragraphs: ['Next time you sign in, use a security code from your authenticator app.'],
      links: [{ text: 'Go to your work', href: '/' }],
    });
  }

  private async twoFactorModel(user: AuthenticatedUser, otpauthUrl: string, qrDataUrl: string) {
    return {
      qrDataUrl,
      manualKey: manualKey(otpauthUrl),
      // The pending secret rides in the form, sealed, so a mistyped code does not need a new QR code.
      enrolment: seal(this.secrets.key('seal-key'), otpauthUrl, ENROLMENT_SECONDS),
      enrolmentOnly: Boolean(user.mfaEnrolmentOnly),
      values: {},
    };
  }
}
