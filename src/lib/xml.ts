// A small XML writer for feeds and sitemaps: every text and attribute value is escaped, and the
// characters XML 1.0 forbids are dropped, so no title or body can break the document.

/** An element: name, attributes (undefined ones left out) and children (text or elements). */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: ReadonlyArray<XmlElement | string | undefined>;
}

// Outside XML 1.0's Char production: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF.
const FORBIDDEN_SOURCE =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const FORBIDDEN = new RegExp(FORBIDDEN_SOURCE, 'u');
const FORBIDDEN_ALL = new RegExp(FORBIDDEN_SOURCE, 'gu');
// CR as a reference, which parsers would otherwise read as a line feed; `>` so `]]>` never appears.
const TEXT_SPECIAL = /[&<>\r]/u;
const TEXT_SPECIAL_ALL = /[&<>\r]/gu;
const ATTRIBUTE_SPECIAL = /[&<>\r"\t\n]/u;
const ATTRIBUTE_SPECIAL_ALL = /[&<>\r"\t\n]/gu;
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };
const reference = (char: string) => REFERENCES[char]!;

/** `text` without the characters an XML 1.0 document cannot hold. */
export function xmlChars(text: string): string {
  // Tested first: a sitemap writes tens of thousands of strings that need nothing done.
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, '') : text;
}

/** Text as element content. */
function escapeXmlText(text: string): string {
  const chars = xmlChars(text);
  return TEXT_SPECIAL.test(chars) ? chars.replace(TEXT_SPECIAL_ALL, reference) : chars;
}

/** Text as a double-quoted attribute value; tabs and line feeds as references, so parsers keep them. */
function escapeXmlAttribute(text: string): string {
  const chars = xmlChars(text);
  return ATTRIBUTE_SPECIAL.test(chars) ? chars.replace(ATTRIBUTE_SPECIAL_ALL, reference) : chars;
}

/** Builds an element; shorter to read in a feed's outline than object literals. */
export function el(name: string, attributes: XmlElement['attributes'], ...children: Array<XmlElement | string | undefined>): XmlElement {
  return { name, attributes, children };
}

/** The document for a root element, with its XML declaration. */
export function xmlDocument(root: XmlElement): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, parts);
  parts.push('\n');
  return parts.join('');
}

function write(element: XmlElement, parts: string[]): void {
  parts.push('<', element.name);
  for (const [name, value] of Object.entries(element.attributes ?? {})) {
    if (value !== undefined) parts.push(' ', name, '="', escapeXmlAttribute(value), '"');
  }
  const children = (element.children ?? []).filter((child) => child !== undefined);
  if (children.length === 0) {
    parts.push('/>');
    return;
  }
  parts.push('>');
  for (const child of children) {
    if (typeof child === 'string') parts.push(escapeXmlText(child));
    else write(child, parts);
  }
  parts.push('</', element.name, '>');
}
