/**
 * Which attachment types are accepted, judged by the content itself (its magic bytes), never by the name
 * or the browser's claimed type: a renamed executable stays refused.
 */
export const ALLOWED_TYPES = [
  { type: 'pdf', contentType: 'application/pdf', extensions: ['pdf'] },
  {
    type: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  { type: 'odt', contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { type: 'png', contentType: 'image/png', extensions: ['png'] },
  { type: 'jpeg', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { type: 'txt', contentType: 'text/plain; charset=utf-8', extensions: ['txt'] },
] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
const ODT_MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument.text';

function startsWith(content: Buffer, prefix: Buffer): boolean {
  return content.length >= prefix.length && content.subarray(0, prefix.length).equals(prefix);
}

function isPlainText(content: Buffer): boolean {
  if (!content.equals(Buffer.from(content.toString('utf8'), 'utf8'))) return false;
  // Tab, line feed, form feed and carriage return are text; other control bytes mean a binary file.
  return !content.some((byte) => byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte));
}

function kindOf(content: Buffer): AllowedType['type'] | null {
  if (startsWith(content, Buffer.from('%PDF-', 'latin1'))) return 'pdf';
  if (startsWith(content, PNG)) return 'png';
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'jpeg';
  if (startsWith(content, ZIP)) {
    // An OpenDocument file stores its uncompressed mimetype first, at a fixed offset (ODF 1.2, part 3).
    if (content.subarray(30, 30 + ODT_MIMETYPE.length).toString('latin1') === ODT_MIMETYPE) return 'odt';
    const text = content.toString('latin1');
    if (text.includes('[Content_Types].xml') && text.includes('word/')) return 'docx';
    return null;
  }
  return content.length > 0 && isPlainText(content) ? 'txt' : null;
}

export type FileCheck = { ok: true; allowed: AllowedType } | { ok: false; problem: string };

/** Whether the file may be attached, and as what. */
export function checkAttachment(filename: string, content: Buffer): FileCheck {
  const kind = kindOf(content);
  const accepted = ALLOWED_TYPES.map((t) => t.type).join(', ');
  if (!kind) return { ok: false, problem: `file must be one of these types: ${accepted}` };
  const allowed = ALLOWED_TYPES.find((t) => t.type === kind)!;
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (!extension || !(allowed.extensions as readonly string[]).includes(extension)) {
    return {
      ok: false,
      problem: `file: the content is ${kind.toUpperCase()} but the name does not end .${allowed.extensions.join(' or .')}`,
    };
  }
  return { ok: true, allowed };
}

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\w .()-]+/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'attachment').slice(0, 150);
}
