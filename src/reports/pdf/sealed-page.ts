import type { HTTPRequest, Page } from 'puppeteer-core';

/**
 * A page that can only lay out what it is given: no JavaScript, offline, and every request
 * refused except bundled fonts and images inlined as data: URLs.
 */

export interface BlockedRequest {
  url: string;
  resourceType: string;
}

// A data: document (an iframe) could hold markup of its own, so only these kinds are let through.
const ALLOWED_DATA_RESOURCES = new Set(['font', 'image', 'stylesheet']);

const ignore = (): void => undefined;

function screen(request: HTTPRequest, onBlocked: (request: BlockedRequest) => void): void {
  const url = request.url();
  const resourceType = request.resourceType();
  if (url.startsWith('data:') && ALLOWED_DATA_RESOURCES.has(resourceType)) {
    request.continue().catch(ignore);
    return;
  }
  request.abort('blockedbyclient').catch(ignore);
  onBlocked({ url, resourceType });
}

export async function sealPage(page: Page, onBlocked: (request: BlockedRequest) => void): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setOfflineMode(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => screen(request, onBlocked));
}
