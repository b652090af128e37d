// XML documents read back in tests with fast-xml-parser: well-formedness checked first, then the
// tree with attributes under `@name`, repeatable elements always as arrays, text as written.
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const REPEATABLE = new Set(['item', 'entry', 'url', 'sitemap', 'category', 'link', 'atom:link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Numeric character references (&#13;) decoded, as every XML parser does.
  htmlEntities: true,
  isArray: (name) => REPEATABLE.has(name),
});

/** The document as a tree; fails the test when it is not well-formed XML. */
// biome-ignore lint/suspicious/noExplicitAny: a parsed document has no static shape.
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(xml);
}

/** An element's text, whether the parser gave a string or an object with `#text`. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as { '#text': unknown })['#text']);
  return undefined;
}

/** RFC 822 as RSS 2.0 dates are written (four-digit year, numeric zone): `Sun, 01 Mar 2026 00:00:00 +0800`. */
export const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/u;

/** RFC 3339 date-time, as Atom requires. */
export const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;
