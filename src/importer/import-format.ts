// Tells the import formats apart by content (never by file name), and says what was expected when
// a file is none of them.

export type ImportFormat = 'seed' | 'ndjson' | 'rss' | 'atom';

/** How much of a file's start detection reads. */
export const DETECTION_HEAD_BYTES = 64 * 1024;

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** The formats `zhaoshang import` reads, as its error messages name them. */
export const ACCEPTED_FORMATS =
  'expected RSS 2.0 (<rss>), Atom (<feed xmlns="http://www.w3.org/2005/Atom">), ' +
  'NDJSON (one {"title","body","date","channel"?} object per line) ' +
  'or the seed format (blocks of a "-" line, a title, a body and a YYYY-MM-DD date)';

/** The format of a file from its first DETECTION_HEAD_BYTES, or what is wrong with it. */
export function detectImportFormat(head: string): { format: ImportFormat } | { problem: string } {
  const text = head.replace(/^\uFEFF/u, '').trimStart();
  if (text === '') return { problem: `the file is empty; ${ACCEPTED_FORMATS}` };
  if (text.startsWith('<')) return detectXmlFormat(text);
  const firstLine = text.slice(0, text.search(/\r?\n|$/u)).trim();
  if (firstLine.startsWith('{')) return { format: 'ndjson' };
  if (firstLine.startsWith('[')) return { problem: `a JSON array, not NDJSON: write one JSON object per line; ${ACCEPTED_FORMATS}` };
  // Text before the first block is allowed (and reported), as the seed importer always has.
  if (/^-\r?$/mu.test(text)) return { format: 'seed' };
  return { problem: `not a format zhaoshang imports; ${ACCEPTED_FORMATS}` };
}

function detectXmlFormat(text: string): { format: ImportFormat } | { problem: string } {
  // The root element: the first tag after the XML declaration, comments and a doctype.
  const prolog = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*<([A-Za-z_][\w.:-]*)([^>]*)>?/u.exec(text);
  const root = prolog?.[1];
  if (!root) return { problem: `XML without a root element; ${ACCEPTED_FORMATS}` };
  const localName = root.split(':').pop()!;
  if (localName === 'rss') return { format: 'rss' };
  if (localName === 'feed') {
    if (prolog[2]!.includes(ATOM_NAMESPACE)) return { format: 'atom' };
    return { problem: `XML with a <feed> root outside the Atom namespace (xmlns="${ATOM_NAMESPACE}"); ${ACCEPTED_FORMATS}` };
  }
  if (localName === 'RDF') return { problem: `RSS 1.0 (RDF) is not read; ${ACCEPTED_FORMATS}` };
  return { problem: `XML whose root element is <${root}>, neither RSS 2.0 nor Atom; ${ACCEPTED_FORMATS}` };
}
