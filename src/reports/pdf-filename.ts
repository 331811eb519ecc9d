/**
 * Download names carry the kind of document and the case or report reference only: a file name ends
 * up in download folders, browser histories and email attachments, so it never holds a child's name.
 */
export function pdfFilename(documentType: string, reference: string): string {
  const part = (text: string) =>
    text
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '');
  return `${[part(documentType), part(reference)].filter(Boolean).join('-') || 'document'}.pdf`;
}
