import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime } from './formatting';
import { GOVUK_DIST_DIR, VIEWS_DIR } from './paths';

const DEADLINE_TAGS: Record<string, { text: string; classes: string }> = {
  pending: { text: 'Due', classes: 'govuk-tag--blue' },
  met: { text: 'Met', classes: 'govuk-tag--green' },
  'met-late': { text: 'Met late', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  paused: { text: 'Paused', classes: 'govuk-tag--grey' },
  'not-applicable': { text: 'Not applicable', classes: 'govuk-tag--grey' },
};

export interface RenderingOptions {
  serviceName: string;
  assetVersion: string;
  /** Re-read templates on every render (development), or compile each once (production and tests). */
  watch: boolean;
}

/**
 * One Nunjucks environment over govuk-frontend's macros and our views. Autoescape stays on: every value
 * is escaped unless a template says `| safe` about HTML it built itself.
 */
export function createNunjucks(options: RenderingOptions, express?: Express): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_DIST_DIR], { noCache: options.watch });
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
  env.addGlobal('serviceName', options.serviceName);
  env.addGlobal('assetVersion', options.assetVersion);
  env.addFilter('govukDate', formatDate);
  env.addFilter('govukDateTime', formatDateTime);
  env.addFilter('deadlineTag', (status: string) => DEADLINE_TAGS[status] ?? { text: status, classes: '' });
  if (express) {
    env.express(express);
    express.set('view engine', 'njk');
    express.set('views', VIEWS_DIR);
  }
  return env;
}
