// Marks the matched words in titles and snippets. Done here rather than by the engine, because
// the engine does not see sub-word and single-character hits as words of the text.
import { foldWidthAndCase } from '../text/normalize.ts';

/** A run of text, marked or not. */
export interface TextPart {
  text: string;
  mark: boolean;
}

/**
 * The folded text and, for each of its UTF-16 units, the index of the code point it came from.
 * Folding a code point can change its length (㎡ → m2); when the whole text keeps its length,
 * as almost every article does, one pass over the text is enough.
 */
function foldedWithOwners(text: string, chars: readonly string[]): { folded: string; owner: number[] } {
  const owner: number[] = [];
  const whole = foldWidthAndCase(text);
  if (whole.length === text.length) {
    chars.forEach((char, index) => {
      for (let unit = 0; unit < char.length; unit += 1) owner.push(index);
    });
    return { folded: whole, owner };
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

/**
 * About `length` characters of `text` around the first occurrence of a needle (the start of the
 * text when none occurs), with occurrences marked and "…" where text was left out. Cuts fall
 * between code points, never inside one.
 */
export function snippetParts(text: string, needles: readonly string[], length = 120): TextPart[] {
  const clean = text.replace(/\s+/gu, ' ').trim();
  // Work on a slice around the first hit: bodies reach 35,000 characters and a result page shows
  // ten snippets. The slice has room for the lead and the whole window even in astral characters.
  const folded = foldWidthAndCase(clean);
  const hits = folded.length === clean.length ? needles.map((needle) => (needle ? folded.indexOf(needle) : -1)).filter((at) => at >= 0) : [];
  const firstHit = hits.length > 0 ? Math.min(...hits) : 0;
  const from = folded.length === clean.length ? codePointBoundary(clean, Math.max(0, firstHit - 2 * LEAD)) : 0;
  const to = folded.length === clean.length ? codePointBoundary(clean, Math.min(clean.length, from + 2 * (2 * LEAD + length))) : clean.length;
  const { chars, marked } = markedCodePoints(clean.slice(from, to), needles);
  const first = marked.indexOf(true);
  let start = first <= LEAD ? 0 : first - LEAD;
  const end = Math.min(chars.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const parts = partsOf(chars, marked, start, end);
  if (from > 0 || start > 0) parts.unshift({ text: '…', mark: false });
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
