// Marks sentences inside a text: the pieces between them stay plain, each sentence found becomes a
// marked piece, so a view can wrap it in <mark> without building HTML from strings.

/** A piece of text, marked with the ids of the sentence it is (several facts may share one). */
export type TextPiece = { text: string; ids?: number[] };

/**
 * `text` cut into plain and marked pieces: the first occurrence of each sentence not overlapping one
 * already marked. Sentences not found are left out (`found` says which were).
 */
export function markSentences(text: string, sentences: ReadonlyArray<{ id: number; sentence: string }>): { pieces: TextPiece[]; found: Set<number> } {
  const spans: Array<{ start: number; end: number; ids: number[] }> = [];
  const found = new Set<number>();
  for (const { id, sentence } of sentences) {
    if (sentence === '') continue;
    const same = spans.find((span) => text.slice(span.start, span.end) === sentence);
    if (same) {
      same.ids.push(id);
      found.add(id);
      continue;
    }
    let start = text.indexOf(sentence);
    while (start !== -1 && spans.some((span) => start < span.end && start + sentence.length > span.start)) start = text.indexOf(sentence, start + 1);
    if (start === -1) continue;
    spans.push({ start, end: start + sentence.length, ids: [id] });
    found.add(id);
  }
  spans.sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start) });
    pieces.push({ text: text.slice(span.start, span.end), ids: span.ids });
    at = span.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) });
  return { pieces, found };
}

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Safe HTML (a rendered Markdown body) with the first occurrence of `sentence` inside one text node
 * wrapped in <mark id="`anchor`">; undefined when no text node holds it whole. Tags and attributes
 * are never searched, so the mark cannot land inside one.
 */
export function markInHtml(html: string, sentence: string, anchor: string): string | undefined {
  if (sentence === '') return undefined;
  const needle = escapeText(sentence);
  const parts = html.split(/(<[^>]*>)/u);
  for (let i = 0; i < parts.length; i += 2) {
    const at = parts[i]!.indexOf(needle);
    if (at === -1) continue;
    parts[i] = `${parts[i]!.slice(0, at)}<mark id="${escapeText(anchor)}">${needle}</mark>${parts[i]!.slice(at + needle.length)}`;
    return parts.join('');
  }
  return undefined;
}
