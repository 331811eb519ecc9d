import { checkAttachment, safeFilename } from './file-type';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

function zipWith(first: string, rest: string): Buffer {
  const header = Buffer.alloc(30);
  header.write('PK\u0003\u0004', 0, 'latin1');
  return Buffer.concat([header, Buffer.from(first + rest, 'latin1')]);
}

describe('checkAttachment', () => {
  it('accepts the allowed types when the name agrees with the content', () => {
    expect(checkAttachment('report.pdf', pdf)).toMatchObject({ ok: true, allowed: { type: 'pdf' } });
    expect(checkAttachment('photo.PNG', png)).toMatchObject({ ok: true, allowed: { type: 'png' } });
    expect(checkAttachment('scan.jpg', jpeg)).toMatchObject({ ok: true, allowed: { type: 'jpeg' } });
    expect(checkAttachment('notes.txt', Buffer.from('Chronology\r\n\tline two – café'))).toMatchObject({
      ok: true,
      allowed: { type: 'txt' },
    });
    expect(
      checkAttachment(
        'minutes.odt',
        zipWith('mimetypeapplication/vnd.oasis.opendocument.text', 'content.xml'),
      ),
    ).toMatchObject({ ok: true, allowed: { type: 'odt' } });
    expect(
      checkAttachment('letter.docx', zipWith('[Content_Types].xml', '...word/document.xml')),
    ).toMatchObject({ ok: true, allowed: { type: 'docx' } });
  });

  it('refuses a renamed executable, an unknown zip and binary data', () => {
    const exe = Buffer.from('MZ\u0090\u0000\u0003', 'latin1');
    expect(checkAttachment('report.pdf', exe)).toEqual({
      ok: false,
      problem: 'file must be one of these types: pdf, docx, odt, png, jpeg, txt',
    });
    expect(checkAttachment('archive.docx', zipWith('something.bin', 'x')).ok).toBe(false);
    expect(checkAttachment('empty.txt', Buffer.alloc(0)).ok).toBe(false);
  });

  it('refuses a name that disagrees with the content', () => {
    expect(checkAttachment('photo.pdf', png)).toEqual({
      ok: false,
      problem: 'file: the content is PNG but the name does not end .png',
    });
    expect(checkAttachment('no-extension', pdf).ok).toBe(false);
  });
});

describe('safeFilename', () => {
  it('keeps only the base name and harmless characters', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\a\\Chronology "final".pdf')).toBe('Chronology _final_.pdf');
    expect(safeFilename('...')).toBe('attachment');
  });
});
