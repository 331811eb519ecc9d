import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';

/**
 * The request being served, so an audit event recorded deep in a service still knows where the request
 * came from (IP, correlation id) without every caller threading it through.
 */
export const requestStore = new AsyncLocalStorage<Request>();

export function currentRequest(): Request | undefined {
  return requestStore.getStore();
}
