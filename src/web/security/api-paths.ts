/** Paths that answer in JSON for programs (the API and the health check), never with pages or cookies. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/health';
}
