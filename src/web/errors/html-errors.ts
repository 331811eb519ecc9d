import type { Request, Response } from 'express';
import type { ErrorBody, HtmlErrorRenderer } from '../../common/http-exception.filter';
import { isApiPath } from '../security/api-paths';
import { CSRF_REFUSED } from '../security/csrf.middleware';

interface ErrorPage {
  title: string;
  paragraphs: string[];
  details?: string[];
  correlationId?: string;
}

function messages(body: ErrorBody): string[] {
  return (Array.isArray(body.message) ? body.message : [body.message]).filter(Boolean);
}

function pageFor(body: ErrorBody): ErrorPage {
  switch (body.statusCode) {
    case 400:
      return {
        title: 'There is a problem with what was sent',
        paragraphs: ['Go back and check your answers.'],
        details: messages(body),
      };
    case 403:
      return body.reason === CSRF_REFUSED
        ? {
            title: 'Your form could not be sent',
            paragraphs: [
              'The page had expired, or the form did not come from this service. Nothing was saved.',
              'Go back, reload the page and try again.',
            ],
          }
        : {
            title: 'You do not have permission to do this',
            paragraphs: ['Ask your administrator if you need access.'],
          };
    case 404:
      return {
        title: 'Page not found',
        paragraphs: [
          'If you typed the web address, check it is correct.',
          'If you pasted the web address, check you copied the entire address.',
        ],
      };
    case 409:
      return {
        title: 'Someone else changed this record',
        paragraphs: ['Reload the page to see their changes, then try again.'],
      };
    case 422:
      return { title: 'This cannot be done yet', paragraphs: [], details: messages(body) };
    case 429:
      return { title: 'Too many attempts', paragraphs: ['Wait a minute and try again.'] };
    default:
      return body.statusCode >= 500
        ? {
            title: 'Sorry, there is a problem with the service',
            paragraphs: ['Try again later. Anything you had not saved may have been lost.'],
            correlationId: body.correlationId,
          }
        : { title: body.error, paragraphs: messages(body), correlationId: body.correlationId };
  }
}

export interface HtmlErrorOptions {
  /** The session cookie: present on a 401 means the session ended, so sign-in says so. */
  sessionCookie: string;
  /** Extra template values for the layout (navigation for the signed-in user, if any). */
  locals: (req: Request) => Record<string, unknown>;
  clearSessionCookie: (req: Request, res: Response) => void;
}

/**
 * Errors on pages become GOV.UK error pages; a page that needs a signed-in user sends the browser to
 * sign in and back. API paths, and clients that ask for JSON, keep the JSON error body.
 */
export function htmlErrorRenderer(options: HtmlErrorOptions): HtmlErrorRenderer {
  return (req: Request, res: Response, body: ErrorBody) => {
    if (isApiPath(req.path) || req.accepts(['html', 'json']) !== 'html') return false;
    res.setHeader('Cache-Control', 'no-store');
    if (body.statusCode === 401) {
      const query = new URLSearchParams();
      if (req.method === 'GET' && req.originalUrl !== '/') query.set('returnTo', req.originalUrl);
      if ((req.cookies as Record<string, string> | undefined)?.[options.sessionCookie]) {
        query.set('signedOut', 'true');
        options.clearSessionCookie(req, res);
      }
      const search = query.toString();
      res.redirect(303, `/sign-in${search ? `?${search}` : ''}`);
      return true;
    }
    if (body.statusCode === 403 && body.mfaEnrolmentRequired) {
      res.redirect(303, '/account/two-factor');
      return true;
    }
    const page = { ...options.locals(req), ...pageFor(body) };
    res.status(body.statusCode);
    res.render('errors/error.njk', page, (error: Error | null, html?: string) => {
      if (error) res.type('text/plain').send(`${page.title}\nReference: ${body.correlationId}`);
      else res.type('html').send(html);
    });
    return true;
  };
}
