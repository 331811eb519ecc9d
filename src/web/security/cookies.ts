import type { CookieOptions, Request } from 'express';

/**
 * Cookies the pages set: never readable by scripts, sent on top-level navigation only, and Secure
 * whenever the connection is (always in production), so plain http on localhost still works.
 */
export function webCookieOptions(req: Request, production: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: production || req.secure, path: '/' };
}
