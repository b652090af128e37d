// Normalisation that makes text and queries comparable: full-width forms, letter case and
// traditional characters do not matter for search.
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Full-width letters, digits and punctuation to half-width (NFKC), then lower case. */
export function foldWidthAndCase(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * A query as the index sees text: folded, and traditional characters made simplified. Articles
 * are published in simplified Chinese, so only queries pay for the conversion (about 5 MB/s).
 */
export function normalizeQuery(text: string): string {
  return toSimplified(foldWidthAndCase(text));
}
