import { FONT_FAMILY, headerFooterFontFaceCss } from './fonts';
import { formatLondonDateTime } from './london-time';

/**
 * The print header and footer Chromium repeats on every page. They are HTML strings rendered
 * outside the page, so they carry their own inline styles and font, and anything from a case
 * (the reference) is escaped here: nothing else would escape it.
 */

export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

export const PAGE_MARGINS = { top: '20mm', bottom: '22mm', left: '16mm', right: '16mm' } as const;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]);
}

const boxStyle =
  `font-family:${FONT_FAMILY};font-size:8pt;color:#0b0c0c;width:100%;margin:0 16mm;` +
  '-webkit-print-color-adjust:exact;print-color-adjust:exact';

export function headerTemplate(): string {
  return (
    `<style>${headerFooterFontFaceCss()}</style>` +
    `<div style="${boxStyle};text-align:center;font-weight:bold;letter-spacing:0.05em">` +
    `${PROTECTIVE_MARKING}</div>`
  );
}

export interface FooterDetails {
  reference: string;
  generatedAt: Date;
}

export function footerTemplate({ reference, generatedAt }: FooterDetails): string {
  const parts = [
    PROTECTIVE_MARKING,
    escapeHtml(reference),
    `Generated ${escapeHtml(formatLondonDateTime(generatedAt))}`,
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
  ];
  return (
    `<style>${headerFooterFontFaceCss()}</style>` +
    `<div style="${boxStyle};text-align:center">${parts.join(' · ')}</div>`
  );
}
