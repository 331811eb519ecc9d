/* global document, HTMLScriptElement */
// Replaces govuk-frontend's inline snippet, which the Content-Security-Policy does not allow.
document.body.className +=
  ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
