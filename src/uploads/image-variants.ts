// Web sizes of an uploaded picture: WebP copies 480, 960 and 1600 pixels wide (those narrower
// than the original only), turned upright by their EXIF orientation and without metadata (no
// camera, no GPS position). The original is kept with its pixels as uploaded but without its
// metadata (image-metadata.ts). A picture of more than MAX_INPUT_PIXELS is refused before it is
// decoded: a small file can unpack to gigabytes.
import type { Metadata } from 'sharp';
import type { FileType } from './file-type.ts';
import { withoutMetadata } from './image-metadata.ts';

/** The widths public pages ask for. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

/** 50 megapixels: larger than any camera's photo, far below a decompression bomb. */
export const MAX_INPUT_PIXELS = 50_000_000;

/** A picture's size, the original to store (without metadata) and its web copies. */
export interface ProcessedImage {
  /** The uploaded file without its metadata, orientation kept: what is stored and served. */
  original: Buffer;
  /** Upright width and height. */
  width: number;
  height: number;
  variants: Array<{ width: number; bytes: Buffer }>;
}

/** Reads a picture and makes its web copies; a Chinese reason when it cannot be read or is too large. */
export async function processImage(uploaded: Uint8Array, type: FileType): Promise<ProcessedImage | { refused: string }> {
  // Loaded on the first image: sharp and libvips, imported alone, add 23 MB resident to a process
  // that may never see one.
  const { default: sharp } = await import('sharp');
  const options = { limitInputPixels: MAX_INPUT_PIXELS, animated: false, failOn: 'error' } as const;
  let meta: Metadata;
  try {
    // The header alone, so that an image too large is told as such; decoding below keeps the limit.
    meta = await sharp(uploaded, { ...options, limitInputPixels: false }).metadata();
  } catch {
    return { refused: '图片已损坏或无法读取,不能上传。' };
  }
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  if (!width || !height) return { refused: '图片已损坏或无法读取,不能上传。' };
  if (width * height > MAX_INPUT_PIXELS) return { refused: `图片过大(${width}×${height} 像素),超过 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素,请缩小后上传。` };
  const bytes = withoutMetadata(uploaded, type, meta.orientation ?? 1);
  if (!bytes) return { refused: '图片已损坏或无法读取,不能上传。' };
  try {
    const variants = await Promise.all(
      VARIANT_WIDTHS.filter((target) => target < width).map(async (target) => ({
        width: target,
        // rotate() with no angle applies the EXIF orientation; metadata is left out unless asked for.
        bytes: await sharp(bytes, options).rotate().resize({ width: target }).webp({ quality: 80 }).toBuffer(),
      })),
    );
    return { original: bytes, width, height, variants };
  } catch {
    return { refused: '图片已损坏或无法读取,不能上传。' };
  }
}
