// Turns an article body (in the seed, one long line per article) into headings and paragraphs.
// The texts mark their structure with spaces between sections and with the usual Chinese
// section markers: 一、 (一) —— and 各位代表.

/** One block of an article's text. */
export interface BodyBlock {
  kind: 'heading' | 'subheading' | 'paragraph';
  text: string;
}

const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
const SENTENCE_END = '[。;;!!??]';

// Whitespace separates sections when it touches a Chinese character; spaces between Latin words
// ("Hello world", "OTO 模式") stay inside the paragraph.
const SECTION_GAP = /\s*\n\s*|(?<=[^\x00-\x7f])[ \t\u3000]+|[ \t\u3000]+(?=[^\x00-\x7f])/;

// A new section marker right after a sentence ends starts a new block even without a space.
const MARKER_AFTER_SENTENCE = new RegExp(`(?<=${SENTENCE_END}|[”"’』」])(?=${CN_NUMERAL}、|[((]${CN_NUMERAL}[))]|——|各位代表[::,,])`);

const HEADING = new RegExp(`^${CN_NUMERAL}、`);
const SUBHEADING = new RegExp(`^[((]${CN_NUMERAL}[))]`);
const HAS_SENTENCE_END = new RegExp(SENTENCE_END);
const MAX_HEADING_LENGTH = 40;
// Short untitled lines such as "2014年工作回顾" stand alone between sections: they are headings.
const MAX_BARE_HEADING_LENGTH = 20;
const ANY_PUNCTUATION = /[,,。;;::!!??、“”"'‘’()()《》]/;

/** Splits a body into headings and paragraphs. */
export function layoutBody(body: string): BodyBlock[] {
  const pieces = body
    .split(SECTION_GAP)
    .flatMap((chunk) => chunk.split(MARKER_AFTER_SENTENCE))
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  return pieces.map((text) => ({ kind: kindOf(text), text }));
}

/** A section of a long text, as its table of contents links it. */
export interface BodySection {
  /** The heading's id on the page. */
  id: string;
  text: string;
}

/** A table of contents is worth its space from this many sections up. */
export const TOC_MIN_SECTIONS = 3;

/** The id the page gives the `index`th (0-based) top-level heading. */
export function sectionId(index: number): string {
  return `section-${index + 1}`;
}

/** The top-level headings of a laid-out body, in order, with their ids. */
export function bodySections(blocks: readonly BodyBlock[]): BodySection[] {
  return blocks.filter((block) => block.kind === 'heading').map((block, index) => ({ id: sectionId(index), text: block.text }));
}

function kindOf(text: string): BodyBlock['kind'] {
  // Most blocks are long paragraphs: those are told by their UTF-16 length (a text has at least half
  // as many characters) before any counting. Counting every block's characters took 40 % of a
  // 3,000-character body's layout.
  if (text.length > 2 * MAX_HEADING_LENGTH || HAS_SENTENCE_END.test(text)) return 'paragraph';
  const length = Array.from(text).length;
  if (length <= MAX_HEADING_LENGTH) {
    if (HEADING.test(text)) return 'heading';
    if (SUBHEADING.test(text)) return 'subheading';
    if (length <= MAX_BARE_HEADING_LENGTH && !ANY_PUNCTUATION.test(text) && /[\u4e00-\u9fff]/.test(text)) return 'heading';
  }
  return 'paragraph';
}
