// Plain-text summaries of Chinese text, cut on whole characters.

/** Collapses all whitespace runs (including ideographic spaces) to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/** The first `length` characters (code points, never half a surrogate pair) with … when cut. */
export function excerptOf(text: string, length = 120): string {
  const characters = Array.from(collapseWhitespace(text).slice(0, length * 2 + 2));
  if (characters.length <= length) return characters.join('');
  return `${characters.slice(0, length).join('').trimEnd()}…`;
}
