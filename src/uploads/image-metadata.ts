// Pictures lose their metadata before they are stored: a photo's EXIF can hold the place it was
// taken (GPS), the camera's serial number and the photographer's name, and a government site must
// not publish them. The file's structure is rewritten without the metadata parts, the pixels'
// encoded data copied as it is (no re-encoding, so no loss); what is kept is what draws the
// picture: colour tables, the ICC profile, animation, and its orientation, re-written as the one
// EXIF tag it needs. Anything after the image's end is dropped too.
import { crc32 } from 'node:zlib';
import type { FileType } from './file-type.ts';

/** The picture's bytes without metadata, or undefined when its structure cannot be read. */
export function withoutMetadata(bytes: Uint8Array, type: FileType, orientation: number): Buffer | undefined {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept = orientation >= 2 && orientation <= 8 ? orientation : 1;
  try {
    if (type === 'jpeg') return jpegWithout(input, kept);
    if (type === 'png') return pngWithout(input, kept);
    if (type === 'webp') return webpWithout(input, kept);
    if (type === 'gif') return gifWithout(input);
  } catch {
    return undefined;
  }
  return undefined;
}

/** A TIFF structure (EXIF's) holding the orientation tag alone, big-endian. */
function orientationOnlyTiff(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  return tiff; // the next IFD's offset (bytes 22–25) stays 0: there is none
}

const fail = (why: string): never => {
  throw new Error(why);
};

/**
 * JPEG: the segments that hold metadata go — APP1 (EXIF, XMP), APP13 (IPTC), COM, and every other
 * application segment but APP0 (JFIF), APP2 with an ICC profile, and APP14 (Adobe's colour
 * transform, needed to decode CMYK). The scans are copied byte for byte up to the end of image.
 */
function jpegWithout(input: Buffer, orientation: number): Buffer {
  if (input[0] !== 0xff || input[1] !== 0xd8) fail('no start of image');
  const parts: Buffer[] = [input.subarray(0, 2)];
  const orientationSegment = () => {
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), orientationOnlyTiff(orientation)]);
    const header = Buffer.from([0xff, 0xe1, 0, 0]);
    header.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([header, payload]);
  };
  let orientationWritten = orientation === 1;
  let at = 2;
  for (;;) {
    if (input[at] !== 0xff) fail('a segment without a marker');
    while (input[at + 1] === 0xff) at += 1; // fill bytes
    const marker = input[at + 1] ?? fail('cut short');
    if (marker === 0xd9) {
      parts.push(input.subarray(at, at + 2));
      return Buffer.concat(parts);
    }
    const length = input.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (end > input.length) fail('a segment past the end');
    const segment = input.subarray(at, end);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const isIcc = marker === 0xe2 && segment.subarray(4, 16).toString('latin1') === 'ICC_PROFILE\0';
    const keep = !(marker === 0xfe || (isApp && marker !== 0xe0 && marker !== 0xee && !isIcc));
    if (!orientationWritten && marker !== 0xe0) {
      parts.push(orientationSegment());
      orientationWritten = true;
    }
    if (keep) parts.push(segment);
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is followed by 0 (a stuffed byte), a restart marker or a fill byte; any other marker ends the scan.
      const start = at;
      while (at < input.length && !(input[at] === 0xff && input[at + 1] !== 0 && !(input[at + 1]! >= 0xd0 && input[at + 1]! <= 0xd7) && input[at + 1] !== 0xff))
        at += 1;
      if (at >= input.length) fail('a scan without an end');
      parts.push(input.subarray(start, at));
    }
  }
}

/** PNG chunks that hold metadata: EXIF, text of every kind, and the time of the last change. */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function pngWithout(input: Buffer, orientation: number): Buffer {
  const parts: Buffer[] = [input.subarray(0, 8)];
  let at = 8;
  for (;;) {
    const length = input.readUInt32BE(at);
    const type = input.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > input.length) fail('a chunk past the end');
    if (!PNG_METADATA.has(type)) parts.push(input.subarray(at, end));
    // eXIf must come before the image data; right after the header is always allowed.
    if (type === 'IHDR' && orientation !== 1) parts.push(pngChunk('eXIf', orientationOnlyTiff(orientation)));
    at = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
}

/** WebP's extended-format flags for EXIF and XMP, in the first byte of its VP8X chunk. */
const WEBP_EXIF_FLAG = 0x08;
const WEBP_XMP_FLAG = 0x04;

function webpWithout(input: Buffer, orientation: number): Buffer {
  if (input.subarray(0, 4).toString('latin1') !== 'RIFF' || input.subarray(8, 12).toString('latin1') !== 'WEBP') fail('not a WebP');
  const riffEnd = Math.min(input.length, 8 + input.readUInt32LE(4));
  const chunks: Buffer[] = [];
  let at = 12;
  while (at + 8 <= riffEnd) {
    const fourcc = input.subarray(at, at + 4).toString('latin1');
    const size = input.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > riffEnd) fail('a chunk past the end');
    if (fourcc === 'VP8X') {
      const header = Buffer.from(input.subarray(at, end));
      header[8] = (header[8]! & ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG)) | (orientation === 1 ? 0 : WEBP_EXIF_FLAG);
      chunks.push(header);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') chunks.push(input.subarray(at, end));
    at = end;
  }
  // Orientation needs the extended format (VP8X); a simple WebP has no EXIF to lose it from.
  if (orientation !== 1 && chunks.some((chunk) => chunk.subarray(0, 4).toString('latin1') === 'VP8X')) {
    const exif = Buffer.concat([Buffer.from('EXIF', 'latin1'), Buffer.alloc(4), orientationOnlyTiff(orientation)]);
    exif.writeUInt32LE(exif.length - 8, 4);
    chunks.push(exif);
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}

/** GIF application extensions that draw the picture (looping, an ICC profile); others (XMP) go. */
const GIF_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0', 'ICCRGBG1012']);

function gifWithout(input: Buffer): Buffer {
  const colourTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  const subBlocksEnd = (from: number) => {
    let at = from;
    while (input[at] !== 0) at += 1 + (input[at] ?? fail('cut short'));
    return at + 1;
  };
  let at = 13 + colourTable(input[10]!);
  const parts: Buffer[] = [input.subarray(0, at)];
  for (;;) {
    const introducer = input[at] ?? fail('cut short');
    if (introducer === 0x3b) {
      parts.push(input.subarray(at, at + 1));
      return Buffer.concat(parts);
    }
    if (introducer === 0x21) {
      const label = input[at + 1];
      const end = subBlocksEnd(at + 2);
      const application = label === 0xff ? input.subarray(at + 3, at + 14).toString('latin1') : '';
      if (label !== 0xfe && (label !== 0xff || GIF_APPLICATIONS.has(application))) parts.push(input.subarray(at, end));
      at = end;
    } else if (introducer === 0x2c) {
      const end = subBlocksEnd(at + 10 + colourTable(input[at + 9]!) + 1);
      parts.push(input.subarray(at, end));
      at = end;
    } else fail('an unknown block');
  }
}
