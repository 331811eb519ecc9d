import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ROLE_NAMES } from '../config/environment';

export type Role = (typeof ROLE_NAMES)[number];
export const ALL_ROLES: readonly Role[] = ROLE_NAMES;

export const PUBLIC_ROUTE = 'identity:public';
export const PERMITTED_ROLES = 'identity:roles';

/** The signed-in person a request acts for. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationIds: string[];
  /** How they proved who they are: a bearer token (API) or a session cookie (web pages). */
  via: 'token' | 'session';
  /** The stored id (a hash) of the bearer token used, so signing out can revoke exactly that token. */
  tokenId?: string;
  /** The stored id of the web session (not the cookie value, which is a credential). */
  sessionId?: string;
  /**
   * Signed in with a password but not yet enrolled in the second factor their role requires: they may
   * only enrol, see who they are and sign out.
   */
  mfaEnrolmentOnly?: boolean;
}

/** Open to anyone, signed in or not (health check, sign-in). Every other route must name its roles. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles allowed to call a route; a signed-in user with none of them gets 403. */
export const Permission = (...roles: Role[]) => SetMetadata(PERMITTED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser =>
    ctx.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
