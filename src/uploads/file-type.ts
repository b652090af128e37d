// What an uploaded file is, read from its bytes and never from its name: PDF, Word, Excel and
// PowerPoint (OOXML), legacy Word and Excel (OLE compound files), PNG, JPEG, WebP and GIF. Anything
// else is refused with a message saying what it was found to be, so an HTML page named .pdf, an SVG,
// a script or a program never becomes a file the site hands out.
import { inflateRawSync } from 'node:zlib';

/** The kinds of file editors may attach. */
export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', extension: 'pdf', label: 'PDF', image: false },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word', image: false },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'Excel', image: false },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PowerPoint', image: false },
  doc: { mime: 'application/msword', extension: 'doc', label: 'Word', image: false },
  xls: { mime: 'application/vnd.ms-excel', extension: 'xls', label: 'Excel', image: false },
  png: { mime: 'image/png', extension: 'png', label: 'PNG 图片', image: true },
  jpeg: { mime: 'image/jpeg', extension: 'jpg', label: 'JPEG 图片', image: true },
  webp: { mime: 'image/webp', extension: 'webp', label: 'WebP 图片', image: true },
  gif: { mime: 'image/gif', extension: 'gif', label: 'GIF 图片', image: true },
} as const;

/** A kind of file editors may attach. */
export type FileType = keyof typeof FILE_TYPES;

/** What the bytes were found to be: an accepted type, or why they are refused (a Chinese message). */
export type Detection = { ok: true; type: FileType } | { ok: false; reason: string };

/** The accepted kinds, as the upload form lists them. */
export const ACCEPTED_TYPES_TEXT = 'PDF、Word(.docx/.doc)、Excel(.xlsx/.xls)、PowerPoint(.pptx)、PNG、JPEG、WebP、GIF';

const refuse = (what: string): Detection => ({ ok: false, reason: `${what},不能上传。可以上传的文件类型:${ACCEPTED_TYPES_TEXT}。` });
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);

// Markup that makes a browser, or a viewer that sniffs, treat a file as a page or a script.
const MARKUP = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>]|svg[\s>]|iframe[\s>]|object[\s>]|embed[\s>]|meta[\s>]|\?php)/iu;

/** Reads what `bytes` are. */
export function detectFileType(bytes: Uint8Array): Detection {
  if (bytes.length === 0) return refuse('文件是空的');
  const head = ascii(bytes, 0, Math.min(bytes.length, 1024));
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return pdf(bytes, head);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXml(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundFile(bytes);
  const image = imageType(bytes);
  if (image) return MARKUP.test(head) ? refuse('图片文件中夹带了网页或脚本代码') : { ok: true, type: image };
  return refuse(whatElse(bytes, head));
}

function imageType(bytes: Uint8Array): FileType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (/^GIF8[79]a$/u.test(ascii(bytes, 0, 6))) return 'gif';
  return undefined;
}

/** A PDF, unless it carries scripts or launches programs, or hides a page in its first kilobyte. */
function pdf(bytes: Uint8Array, head: string): Detection {
  if (MARKUP.test(head)) return refuse('文件开头是 PDF,但其中夹带了网页代码(可能是伪装的网页)');
  const text = ascii(bytes, 0, bytes.length);
  if (/\/(?:JavaScript|Launch|EmbeddedFile)\b/u.test(text)) return refuse('这份 PDF 含有脚本、可启动的程序或嵌入的文件');
  return { ok: true, type: 'pdf' };
}

const OOXML_MAIN = [
  ['wordprocessingml.document.main+xml', 'docx'],
  ['spreadsheetml.sheet.main+xml', 'xlsx'],
  ['presentationml.presentation.main+xml', 'pptx'],
] as const;

/** A ZIP file: an Office document when its [Content_Types].xml names one, else refused. */
function officeOpenXml(bytes: Uint8Array): Detection {
  const entries = zipEntries(bytes);
  if (!entries) return refuse('文件是损坏的压缩包');
  if (entries.some((entry) => /(?:^|\/)vbaProject\.bin$/iu.test(entry.name))) return refuse('这份 Office 文档含有宏(VBA 代码)');
  const types = entries.find((entry) => entry.name === '[Content_Types].xml');
  const xml = types && entryText(bytes, types);
  if (xml === undefined) return refuse('文件是压缩包(ZIP),不是 Office 文档');
  if (/macroEnabled/iu.test(xml)) return refuse('这份 Office 文档是启用宏的格式(.docm/.xlsm/.pptm)');
  for (const [main, type] of OOXML_MAIN) if (xml.includes(`application/vnd.openxmlformats-officedocument.${main}`)) return { ok: true, type };
  return refuse('文件是压缩包或不认识的 Office 格式');
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** The entries of a ZIP file's central directory, or undefined when it has none that reads. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// [Content_Types].xml is a few kilobytes; anything far larger is not an Office document's.
const CONTENT_TYPES_MAX = 1024 * 1024;

/** A small entry's text (stored or deflated), or undefined. */
function entryText(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return Buffer.from(data).toString('utf8');
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: CONTENT_TYPES_MAX }).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

const utf16 = (text: string) => Buffer.from(text, 'utf16le');

/** An OLE compound file: legacy Word or Excel by the streams it holds, refused with macros or as anything else. */
function compoundFile(bytes: Uint8Array): Detection {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const holds = (name: string) => data.includes(utf16(name));
  if (holds('_VBA_PROJECT') || holds('Macros')) return refuse('这份 Office 文档含有宏(VBA 代码)');
  if (holds('WordDocument')) return { ok: true, type: 'doc' };
  if (holds('Workbook') || holds('Book')) return { ok: true, type: 'xls' };
  if (holds('PowerPoint Document')) return refuse('文件是旧版 PowerPoint(.ppt),请另存为 .pptx 或 PDF 后上传');
  return refuse('文件是不认识的旧版 Office 或安装程序格式');
}

/** What a refused file looks like, for its message. */
function whatElse(bytes: Uint8Array, head: string): string {
  const text = head.replace(/^\uFEFF|^\xEF\xBB\xBF/u, '').trimStart();
  if (startsWith(bytes, [0x4d, 0x5a])) return '文件是 Windows 可执行程序';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return '文件是 Linux 可执行程序';
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return '文件是可执行程序';
  if (/^<svg[\s>]|^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg[\s>]/iu.test(text)) return '文件是 SVG 图形(可含脚本)';
  if (MARKUP.test(text.slice(0, 512)) || /^<!doctype|^<html/iu.test(text)) return '文件是网页(HTML)';
  if (text.startsWith('#!')) return '文件是脚本';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return '文件是压缩包';
  if (text.startsWith('{\\rtf')) return '文件是 RTF 文档,请另存为 .docx 或 PDF 后上传';
  return '不认识这种文件格式';
}
