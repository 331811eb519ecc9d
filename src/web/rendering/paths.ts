import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Templates and our own assets are not TypeScript, so the compiler leaves them in `src/web`. The server
 * runs from `dist/src/web` after a build and from `src/web` under jest; both find the same files.
 */
function webFolder(name: string): string {
  const candidates = [path.join(__dirname, '..', name), path.resolve(__dirname, '../../../../src/web', name)];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

export const VIEWS_DIR = webFolder('views');
export const OWN_ASSETS_DIR = webFolder('assets');
export const GOVUK_DIST_DIR = path.resolve(path.dirname(require.resolve('govuk-frontend')), '..');
export const GOVUK_DIR = path.join(GOVUK_DIST_DIR, 'govuk');
