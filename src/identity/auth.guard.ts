import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { AuthenticatedUser, PERMITTED_ROLES, PUBLIC_ROUTE, Role } from './permissions';
import { SESSION_COOKIE, SessionService } from './session.service';
import { TokenService } from './token.service';

const DURING_MFA_ENROLMENT = 'identity:during-mfa-enrolment';

/** Marks a route a user who still has to enrol their second factor may use (enrol, confirm, me, sign out). */
export const AllowDuringMfaEnrolment = () => SetMetadata(DURING_MFA_ENROLMENT, true);

type AuthRequest = Request & { user?: AuthenticatedUser; cookies?: Record<string, string | undefined> };

/**
 * Runs before every route. Finds who is calling (bearer token, else session cookie), then lets the
 * request through only if the route is @Public() or the caller holds one of its @Permission() roles.
 * A route with neither is refused for everyone: a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(PERMITTED_ROLES, targets);
    const user = await this.identify(req);
    if (user) req.user = user;
    if (isPublic) return true;

    const route = `${req.method} ${routePath(req)}`;
    if (!roles) {
      this.logger.error({ route }, `route ${route} has neither @Public() nor @Permission(): refused`);
      await this.deny(user, route, 'route-without-permission');
      throw new ForbiddenException('This route is not open to anyone');
    }
    if (!user) throw new UnauthorizedException('Sign in to continue');
    if (user.mfaEnrolmentOnly && !this.reflector.getAllAndOverride<boolean>(DURING_MFA_ENROLMENT, targets)) {
      await this.deny(user, route, 'mfa-enrolment-required');
      throw new ForbiddenException({
        message:
          'Your role needs a second factor. Set it up first: POST /api/auth/mfa/enrol, then POST /api/auth/mfa/confirm',
        mfaEnrolmentRequired: true,
      });
    }
    if (!roles.some((role) => user.roles.includes(role))) {
      await this.deny(user, route, 'role', roles);
      throw new ForbiddenException('You do not have permission to do this');
    }
    return true;
  }

  private async identify(req: AuthRequest): Promise<AuthenticatedUser | null> {
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
      return match ? this.tokens.authenticate(match[1]) : null;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    return typeof cookie === 'string' && cookie.length <= 200 ? this.sessions.get(cookie) : null;
  }

  private deny(user: AuthenticatedUser | null, route: string, reason: string, requiredRoles?: Role[]) {
    return this.audit.record({
      action: 'access.denied',
      actor: user,
      details: { route, reason, status: 403, ...(requiredRoles ? { requiredRoles } : {}) },
    });
  }
}

/** The route pattern (`/api/users/:id`), not the URL: URLs can carry ids and search terms. */
function routePath(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : (req.path ?? '');
}
