// Reads RSS 2.0 and Atom feeds with @rowanmanning/feed-parser. Each item becomes an entry numbered
// from 1; its HTML body is cleaned to laid-out text, its date is the China-time calendar date.
import { parseFeed } from '@rowanmanning/feed-parser';
import { chinaDate } from '../lib/china-time.ts';
import { htmlToText, plainTextBlocks } from './html-text.ts';
import type { ImportItem } from './import-entry.ts';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];
type XmlElement = FeedItem['element'];

/** The items of a feed, or why the file is not a feed after all. */
export function parseFeedText(xml: string, format: 'rss' | 'atom'): { items: ImportItem[] } | { problem: string } {
  let feed: Feed;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    return { problem: `${FORMAT_NAMES[format]} that cannot be read: ${(error as Error).message}` };
  }
  return { items: feed.items.map((item, index) => entryOf(item, format, `entry ${index + 1}`)) };
}

const FORMAT_NAMES = { rss: 'an RSS 2.0 file', atom: 'an Atom file' } as const;

function entryOf(item: FeedItem, format: 'rss' | 'atom', position: string): ImportItem {
  const title = item.title ?? '';
  const at = format === 'rss' ? item.published : (item.published ?? item.updated);
  if (!at) {
    const dateNames = format === 'rss' ? ['pubDate'] : ['published', 'updated'];
    // The library knows elements by lower-case name.
    const written = dateNames.map((name) => item.element.findElementWithName(name.toLowerCase())?.textContent.trim()).find(Boolean);
    const reason = written ? `unreadable date "${written}"` : `no date (${dateNames.join(' or ')})`;
    return { kind: 'rejected', rejection: { position, reason, title } };
  }
  const body = format === 'rss' ? rssBody(item.element) : atomBody(item.element);
  return { kind: 'entry', entry: { position, title, body, bodyFormat: 'text', date: chinaDate(at), categories: categoriesOf(item.element, format) } };
}

// The library's own content getters decode entities a second time, turning an escaped "&lt;" in
// the HTML into a tag; the elements' text is the HTML exactly as the feed carries it.
function rssBody(item: XmlElement): string {
  const encoded = item.findElementsWithName('encoded').find((element) => element.namespace === 'content');
  const html = encoded?.textContent.trim() || item.findElementWithName('description')?.textContent || '';
  return htmlToText(html);
}

function atomBody(entry: XmlElement): string {
  const element = entry.findElementWithName('content') ?? entry.findElementWithName('summary');
  if (!element) return '';
  const type = element.getAttribute('type') ?? 'text';
  if (type === 'xhtml') return htmlToText(element.children.map(xhtmlOf).join(''));
  if (type === 'html' || type === 'text/html') return htmlToText(element.textContent);
  return plainTextBlocks(element.textContent);
}

/** Markup for parsed XHTML: tag names and text only (text escaped), which is all cleaning keeps. */
function xhtmlOf(node: XmlElement | string): string {
  if (typeof node === 'string') return node.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  return `<${node.name}>${node.children.map(xhtmlOf).join('')}</${node.name}>`;
}

// RSS: <category domain="slug">name</category>; Atom: <category term="slug" label="name"/>. Both
// the name and the slug are offered; the importer keeps the first that is a known channel.
function categoriesOf(item: XmlElement, format: 'rss' | 'atom'): string[] {
  return item.findElementsWithName('category').flatMap((category) => {
    const words = format === 'rss' ? [category.textContent, category.getAttribute('domain')] : [category.getAttribute('term'), category.getAttribute('label')];
    return words.flatMap((word) => (word?.trim() ? [word.trim()] : []));
  });
}
