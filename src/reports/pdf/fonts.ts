import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Noto Sans, bundled from @fontsource/noto-sans and inlined as data: URLs, because the sealed
 * page may fetch nothing: a document must look the same on a laptop, a server without fonts and
 * a Lambda image. Latin and Latin Extended cover English and the names of families we serve.
 */

interface Face {
  subset: 'latin' | 'latin-ext';
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

const FACES: readonly Face[] = (['latin', 'latin-ext'] as const).flatMap((subset) =>
  ([400, 700] as const).flatMap((weight) =>
    (['normal', 'italic'] as const).map((style) => ({ subset, weight, style })),
  ),
);

// Copied from @fontsource/noto-sans's own CSS so each file is only used for the characters it holds.
const UNICODE_RANGE: Record<Face['subset'], string> = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,' +
    'U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,' +
    'U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

export const FONT_FAMILY = "'Noto Sans', sans-serif";

let fontsDir: string | undefined;
const dataUrls = new Map<string, string>();

function fontDataUrl(face: Face): string {
  const file = `noto-sans-${face.subset}-${face.weight}-${face.style}.woff2`;
  let url = dataUrls.get(file);
  if (url === undefined) {
    fontsDir ??= join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
    url = `data:font/woff2;base64,${readFileSync(join(fontsDir, file)).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
}

function fontFace(face: Face): string {
  return (
    `@font-face{font-family:'Noto Sans';font-style:${face.style};font-weight:${face.weight};` +
    `src:url(${fontDataUrl(face)}) format('woff2');unicode-range:${UNICODE_RANGE[face.subset]}}`
  );
}

let documentCss: string | undefined;

/** Every bundled face, for the document body. Read from disk once. */
export function bundledFontFaceCss(): string {
  documentCss ??= FACES.map(fontFace).join('\n');
  return documentCss;
}

/**
 * Only the regular Latin face: Chromium draws the print header and footer in a separate document
 * that does not see the page's fonts, and repeating the whole set on every page would be wasteful.
 */
export function headerFooterFontFaceCss(): string {
  return fontFace({ subset: 'latin', weight: 400, style: 'normal' });
}
