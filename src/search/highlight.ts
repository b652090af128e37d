// Marks the matched words in titles and snippets. Done here rather than by the engine, because
// the engine does not see sub-word and single-character hits as words of the text.
import { foldWidthAndCase } from '../text/normalize.ts';

/** A run of text, marked or not. */
export interface TextPart {
  text: string;
  mark: boolean;
}

/**
 * Code points that fold (NFKC, lower case) to exactly one UTF-16 unit each and compose with no
 * neighbour, whatever surrounds them: ASCII, Latin-1 but for ¨ ¯ ´ ¸ ¼ ½ ¾, general punctuation
 * but for ‗ ‥ … ″ ‴ ‶ ‷ ‼ ‾ ⁇ ⁈ ⁉ ⁗, arrows, ①–⑨ and the circled letters, box drawing, shapes
 * and dingbats, CJK radicals, symbols and punctuation but for the tone marks, the CJK ideographs
 * of the BMP, and the full-width forms but for ￣. `highlight.test.ts` checks every one. Chinese
 * articles are almost all made of them; a text with any other (㎡, …, ⑩, Ⅱ) is folded a code point
 * at a time.
 */
export const FOLDED_IN_PLACE: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x007f],
  [0x00a0, 0x00a7],
  [0x00a9, 0x00ae],
  [0x00b0, 0x00b3],
  [0x00b5, 0x00b7],
  [0x00b9, 0x00bb],
  [0x00bf, 0x00ff],
  [0x2010, 0x2016],
  [0x2018, 0x2024],
  [0x2027, 0x2027],
  [0x2030, 0x2032],
  [0x2035, 0x2035],
  [0x2038, 0x203b],
  [0x203d, 0x203d],
  [0x203f, 0x2046],
  [0x204a, 0x2056],
  [0x2058, 0x205e],
  [0x2190, 0x21ff],
  [0x2460, 0x2468],
  [0x24b6, 0x24ff],
  [0x2500, 0x27bf],
  [0x2e80, 0x2fdf],
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xff01, 0xff65],
  [0xffe0, 0xffe2],
  [0xffe4, 0xffee],
];
// One byte per BMP code unit: a table is read faster than a regular expression of these ranges.
const IN_PLACE = new Uint8Array(0x10000);
for (const [from, to] of FOLDED_IN_PLACE) IN_PLACE.fill(1, from, to + 1);

/**
 * True when folding `text` keeps every code point at its offset: each folds to one unit on its own.
 * Equal lengths are not enough: ㎡ (→ m2) and e + U+0301 (→ é) cancel out, with offsets between
 * them one off.
 */
function foldsInPlace(text: string): boolean {
  // Surrogates are not in the table: astral characters take the slow way.
  for (let at = 0; at < text.length; at += 1) if (IN_PLACE[text.charCodeAt(at)] === 0) return false;
  return true;
}

/**
 * The folded text and, for each of its UTF-16 units, the index of the code point it came from.
 * Folding a code point can change its length (㎡ → m2); when every code point of the text folds in
 * place, as in almost every article, one pass over the text is enough.
 */
function foldedWithOwners(text: string, chars: readonly string[]): { folded: string; owner: number[] } {
  const owner: number[] = [];
  if (foldsInPlace(text)) {
    chars.forEach((char, index) => {
      for (let unit = 0; unit < char.length; unit += 1) owner.push(index);
    });
    return { folded: foldWidthAndCase(text), owner };
  }
  let folded = '';
  chars.forEach((char, index) => {
    const f = foldWidthAndCase(char);
    folded += f;
    for (let unit = 0; unit < f.length; unit += 1) owner.push(index);
  });
  return { folded, owner };
}

/** Which code points of `text` lie inside an occurrence of any needle (compared folded). */
function markedCodePoints(text: string, needles: readonly string[]): { chars: string[]; marked: boolean[] } {
  const chars = Array.from(text);
  const marked = new Array<boolean>(chars.length).fill(false);
  const { folded, owner } = foldedWithOwners(text, chars);
  for (const needle of needles) {
    if (needle === '') continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      for (let cp = owner[at]!; cp <= owner[at + needle.length - 1]!; cp += 1) marked[cp] = true;
    }
  }
  return { chars, marked };
}

function partsOf(chars: string[], marked: boolean[], start: number, end: number): TextPart[] {
  const parts: TextPart[] = [];
  for (let i = start; i < end; i += 1) {
    const last = parts.at(-1);
    if (last && last.mark === marked[i]) last.text += chars[i];
    else parts.push({ text: chars[i]!, mark: marked[i]! });
  }
  return parts;
}

/** The whole text with every occurrence of the needles marked. */
export function markedParts(text: string, needles: readonly string[]): TextPart[] {
  const { chars, marked } = markedCodePoints(text, needles);
  return partsOf(chars, marked, 0, chars.length);
}

const LEAD = 30;

/** A UTF-16 offset moved off the second half of a surrogate pair. */
function codePointBoundary(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  return unit >= 0xdc00 && unit <= 0xdfff ? offset - 1 : offset;
}

// Bodies reach 35,000 characters and a result page shows ten snippets, while a snippet needs the
// text only up to a little past the first hit: the text is cleaned and folded a piece at a time
// (about PIECE units each), and no further than the snippet needs.
const PIECE = 512;
const isHan = (unit: number) => unit >= 0x4e00 && unit <= 0x9fff;
const isAsciiAlphanumeric = (unit: number) => (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
const isAsciiSpace = (unit: number) => unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);

/**
 * Where a piece starting at `start` ends: at or after `start` + `piece`, before a character where
 * cleaning and folding the text in two pieces gives what doing it whole does — a Han character
 * (no whitespace run, composition or case context reaches across it), or an ASCII letter or digit
 * after an ASCII space (for English text).
 */
function pieceEnd(text: string, start: number, piece: number): number {
  for (let at = start + piece; at < text.length; at += 1) {
    const unit = text.charCodeAt(at);
    if (isHan(unit) || (isAsciiAlphanumeric(unit) && isAsciiSpace(text.charCodeAt(at - 1)))) return at;
  }
  return text.length;
}

/**
 * The text cleaned (whitespace runs as one space, trimmed) from its start to at least `span`
 * units past where the snippet begins (all of it when shorter), and where the first needle occurs
 * in it (0 when none does). Undefined when what was read holds a code point that does not fold in
 * place (㎡ → m2): offsets in the folded text are then not offsets in the text.
 */
function snippetSource(text: string, needles: readonly string[], span: number, piece: number): { clean: string; firstHit: number } | undefined {
  const sought = needles.filter((needle) => needle !== '');
  const overlap = Math.max(1, ...sought.map((needle) => needle.length)) - 1;
  const pieces: string[] = [];
  let cleanLength = 0;
  let foldedTail = '';
  let firstHit = -1;
  let read = 0;
  while (read < text.length && (firstHit < 0 || cleanLength < Math.max(0, firstHit - 2 * LEAD) + span)) {
    const end = pieceEnd(text, read, piece);
    let cleaned = text.slice(read, end).replace(/\s+/gu, ' ');
    if (read === 0) cleaned = cleaned.trimStart();
    if (end === text.length) cleaned = cleaned.trimEnd();
    read = end;
    if (!foldsInPlace(cleaned)) return undefined;
    const folded = foldWidthAndCase(cleaned);
    if (firstHit < 0) {
      // A hit may begin in the tail of the pieces before this one.
      const region = foldedTail + folded;
      const hits = sought.map((needle) => region.indexOf(needle)).filter((at) => at >= 0);
      if (hits.length > 0) firstHit = cleanLength - foldedTail.length + Math.min(...hits);
      foldedTail = region.slice(Math.max(0, region.length - overlap));
    }
    pieces.push(cleaned);
    cleanLength += cleaned.length;
  }
  return { clean: pieces.join(''), firstHit: Math.max(0, firstHit) };
}

/**
 * About `length` characters of `text` around the first occurrence of a needle (the start of the
 * text when none occurs), with occurrences marked and "…" where text was left out. Cuts fall
 * between code points, never inside one. `piece`: how many UTF-16 units are read at a time (the
 * snippet is the same for any; tests vary it).
 */
export function snippetParts(text: string, needles: readonly string[], length = 120, piece = PIECE): TextPart[] {
  // A slice around the first hit, with room for the lead and the whole window even in astral
  // characters; the whole text where folding moves offsets.
  const source = snippetSource(text, needles, 2 * (2 * LEAD + length), piece);
  const clean = source?.clean ?? text.replace(/\s+/gu, ' ').trim();
  const from = source ? codePointBoundary(clean, Math.max(0, source.firstHit - 2 * LEAD)) : 0;
  const to = source ? codePointBoundary(clean, Math.min(clean.length, from + 2 * (2 * LEAD + length))) : clean.length;
  const { chars, marked } = markedCodePoints(clean.slice(from, to), needles);
  const first = marked.indexOf(true);
  let start = first <= LEAD ? 0 : first - LEAD;
  const end = Math.min(chars.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const parts = partsOf(chars, marked, start, end);
  if (from > 0 || start > 0) parts.unshift({ text: '…', mark: false });
  // Where text was left unread the slice is full, and always longer than the window: its end shows.
  if (to < clean.length || end < chars.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** Parts as plain text. */
export function plainText(parts: readonly TextPart[]): string {
  return parts.map((part) => part.text).join('');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Parts as HTML: text escaped, marks as <mark>. */
export function markedHtml(parts: readonly TextPart[]): string {
  return parts
    .map(({ text, mark }) => {
      const escaped = text.replace(/[&<>"']/gu, (char) => ESCAPES[char]!);
      return mark ? `<mark>${escaped}</mark>` : escaped;
    })
    .join('');
}
