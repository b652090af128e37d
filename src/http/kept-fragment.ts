// Parts of the layout that are the same on most pages (the channel navigation, the footer), rendered
// once for each combination of their inputs and kept as text. hono/jsx costs about a microsecond an
// element, and these two are some 50 elements of every page.
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

// By the object the fragment shows (a navigation list, the footer's content): a new one (the next
// content version's navigation) starts afresh, and the old one's texts go with it.
const kept = new WeakMap<object, Map<string, HtmlEscapedString>>();
// The keys of one object are the page's language and section: a few dozen. A bound all the same.
const MAX_KEYS = 256;

/**
 * What `render` renders, kept for `owner` and `key` — which must name every other input of the
 * fragment. The text is escaped by the rendering, as any JSX child is.
 */
export function keptFragment(owner: object, key: string, render: () => { toString(): string | Promise<string> }): HtmlEscapedString {
  let texts = kept.get(owner);
  if (!texts) kept.set(owner, (texts = new Map()));
  let text = texts.get(key);
  if (text === undefined) {
    const html = render().toString();
    if (typeof html !== 'string') throw new Error('Kept fragments must render synchronously');
    if (texts.size >= MAX_KEYS) texts.clear();
    texts.set(key, (text = raw(html)));
  }
  return text;
}
