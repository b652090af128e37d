// Feed bodies arrive as HTML; articles store plain text that body-layout.ts lays out. Block
// elements become the line breaks it reads as paragraph breaks, so an imported feed article shows
// like a seed article, and nothing of the markup (scripts, handlers, links) survives.
import sanitizeHtml from 'sanitize-html';

// Every element that starts a new block on a page. Only these survive the first pass, without
// attributes; inline elements (a, strong, span…) leave their text behind.
const BLOCK_TAGS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
];

const CLEAN: sanitizeHtml.IOptions = {
  allowedTags: BLOCK_TAGS,
  allowedAttributes: {},
  // Dropped with their content: code and styles are not text, nor are form options or fallbacks.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'iframe', 'object'],
};

// After sanitize-html every `<` in the text is escaped, so each tag left is one of BLOCK_TAGS.
const ANY_TAG = /<[^>]*>/gu;

/** The text of an HTML fragment, one block per line, whitespace collapsed within a block. */
export function htmlToText(html: string): string {
  return blocksToText(decodeEscapes(sanitizeHtml(html, CLEAN).replace(ANY_TAG, '\n')));
}

/** Plain text (an Atom `type="text"` body): its lines as blocks, whitespace collapsed within them. */
export function plainTextBlocks(text: string): string {
  return blocksToText(text);
}

function blocksToText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

// sanitize-html decodes every entity of its input and escapes only these four in its output.
function decodeEscapes(text: string): string {
  return text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');
}
