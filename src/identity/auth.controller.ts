import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Ip,
  Post,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { AllowDuringMfaEnrolment } from './auth.guard';
import { ChangePasswordDto, LoginDto, OtpDto } from './auth.dto';
import { AuthService } from './auth.service';
import { MfaEnrolment, MfaService } from './mfa.service';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission, Public } from './permissions';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@ApiTags('authentication')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly mfa: MfaService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange email, password (and TOTP code once enrolled) for a short-lived bearer token',
    description:
      '401 for wrong credentials (one message whether or not the email exists), for a missing code (`otpRequired`) ' +
      'and while locked out (`locked`); 429 when rate limited. A user whose role needs a second factor they have ' +
      'not set up gets `mfaEnrolmentRequired: true` and a token that only works for /api/auth/mfa/*, /me and /logout.',
  })
  async login(@Body() body: LoginDto, @Ip() ip: string, @Res({ passthrough: true }) res: Response) {
    const result = await this.auth.login(body.email, body.password, body.otp, ip);
    if (!result.ok) {
      if (result.reason === 'rate-limited') {
        res.setHeader('Retry-After', String(result.retryAfterSeconds ?? 60));
        throw new HttpException(result.message, HttpStatus.TOO_MANY_REQUESTS);
      }
      throw new UnauthorizedException({
        message: result.message,
        ...(result.reason === 'otp-required' ? { otpRequired: true } : {}),
        ...(result.reason === 'locked' ? { locked: true } : {}),
      });
    }
    const { token, expiresAt } = await this.tokens.issue(result.user.id, {
      enrolmentOnly: result.mfaEnrolmentRequired,
    });
    return {
      token,
      expiresAt,
      user: result.user,
      ...(result.mfaEnrolmentRequired ? { mfaEnrolmentRequired: true } : {}),
    };
  }

  @Permission(...ALL_ROLES)
  @AllowDuringMfaEnrolment()
  @Get('me')
  @ApiBearerAuth()
  async me(@CurrentUser() user: AuthenticatedUser) {
    const stored = await this.users.findById(user.id);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      organisationIds: user.organisationIds,
      mfaEnabled: stored?.mfaEnabled ?? false,
      ...(user.mfaEnrolmentOnly ? { mfaEnrolmentRequired: true } : {}),
    };
  }

  @Permission(...ALL_ROLES)
  @AllowDuringMfaEnrolment()
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the token (or end the session) this request was made with' })
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    if (user.tokenId) await this.tokens.revoke(user.tokenId);
    if (user.sessionId) await this.sessions.destroyById(user.sessionId);
    await this.audit.record({ action: 'auth.logout', actor: user });
  }

  @Permission(...ALL_ROLES)
  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password; every other session and token of yours ends' })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Permission(...ALL_ROLES)
  @AllowDuringMfaEnrolment()
  @Post('mfa/enrol')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start TOTP enrolment: an otpauth:// URL and the same as a QR code' })
  enrol(@CurrentUser() user: AuthenticatedUser): Promise<MfaEnrolment> {
    return this.mfa.enrol(user);
  }

  @Permission(...ALL_ROLES)
  @AllowDuringMfaEnrolment()
  @Post('mfa/confirm')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Finish TOTP enrolment with a current code',
    description:
      'After enrolling from an enrolment-only sign-in, that token ends: sign in again with a code.',
  })
  confirm(@CurrentUser() user: AuthenticatedUser, @Body() body: OtpDto) {
    return this.mfa.confirm(user, body.otp);
  }
}
