/* global document, URL */
// Progressive enhancement only: every page works without this file.
// The page loads this module with ?v=<asset version>; pass it on so the imports are cached as long.
const version = new URL(import.meta.url).search;

const { initAll } = await import(`/assets/govuk-frontend.min.js${version}`);
initAll();

const dialog = document.querySelector('[data-module="app-timeout-warning"]');
if (dialog) {
  const { startTimeoutWarning } = await import(`/assets/app/timeout-warning.js${version}`);
  startTimeoutWarning(dialog);
}
