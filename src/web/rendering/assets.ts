import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import express, { Router } from 'express';
import { GOVUK_DIR, OWN_ASSETS_DIR } from './paths';

const YEAR = 365 * 24 * 60 * 60 * 1000;

/**
 * Changes whenever govuk-frontend or one of our own asset files changes. Pages add it to asset URLs
 * (`?v=`), so assets can be cached for a year and a new release is still fetched at once.
 */
export function assetVersion(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(GOVUK_DIR, 'govuk-frontend.min.js')));
  for (const name of readdirSync(OWN_ASSETS_DIR).sort()) {
    hash.update(name).update(readFileSync(path.join(OWN_ASSETS_DIR, name)));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Serves `/assets/`: govuk-frontend's CSS, JS, fonts and images, and ours under `/assets/app/`, all from
 * this server (no CDN), with a long cache. Nothing else under /assets exists: a miss is a plain 404.
 */
export function assetsRouter(): Router {
  const options = { maxAge: YEAR, immutable: true, index: false, redirect: false };
  const router = Router();
  router.use('/app', express.static(OWN_ASSETS_DIR, options));
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) {
    router.get(`/${file}`, (_req, res) =>
      res.sendFile(path.join(GOVUK_DIR, file), { maxAge: YEAR, immutable: true }),
    );
  }
  router.use(express.static(path.join(GOVUK_DIR, 'assets'), options));
  router.use((_req, res) => res.status(404).type('text/plain').send('Not found'));
  return router;
}
