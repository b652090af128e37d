// Markdown bodies written in the console: rendered with raw HTML off, then sanitised again, so
// nothing an editor (or a stolen editor account) types can run in a reader's browser.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'br',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // The page's title is its only h1.
  transformTags: { h1: 'h2', a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** Safe HTML for a Markdown text. */
export function markdownToHtml(text: string): string {
  return sanitizeHtml(markdown.render(text), SANITIZE);
}

/** The text of a Markdown body without its markup, for excerpts and the search index. */
export function markdownToText(text: string): string {
  return sanitizeHtml(markdown.render(text), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ')
    .trim();
}
