// A small XML writer for feeds and sitemaps: every text and attribute value is escaped, and the
// characters XML 1.0 forbids are dropped, so no title or body can break the document.

/** An element: name, attributes (undefined ones left out) and children (text or elements). */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: ReadonlyArray<XmlElement | string | undefined>;
}

// Outside XML 1.0's Char production: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** `text` without the characters an XML 1.0 document cannot hold. */
export function xmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/**
 * Text as element content. `>` is escaped too, so `]]>` never appears; CR as a reference, which
 * parsers would otherwise read as a line feed.
 */
export function escapeXmlText(text: string): string {
  return xmlChars(text).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/\r/gu, '&#13;');
}

/** Text as a double-quoted attribute value; tabs and line feeds as references, so parsers keep them. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/gu, '&quot;').replace(/\t/gu, '&#9;').replace(/\n/gu, '&#10;');
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
