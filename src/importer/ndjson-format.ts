// Reads NDJSON: one JSON object per line, {"title","body","date","channel"?,"format"?}, as
// `zhaoshang export --format ndjson` writes it. Blank lines are skipped; every other line is an
// article or a numbered rejection.
import { z } from 'zod';
import type { ImportItem } from './import-entry.ts';

const requiredText = z.string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a string') });

const NdjsonArticle = z.object({
  title: requiredText,
  body: requiredText,
  date: requiredText,
  channel: z.string({ error: 'must be a string (a channel slug or name)' }).nullish(),
  format: z.enum(['text', 'markdown'], { error: 'must be "text" or "markdown"' }).optional(),
});

/** A line-by-line reader, so that files of any size can be streamed through it. */
export class NdjsonParser {
  private lineNumber = 0;

  /** Reads one line (without its line break); returns the article or rejection it holds, if any. */
  push(rawLine: string): ImportItem[] {
    this.lineNumber += 1;
    const line = (this.lineNumber === 1 ? rawLine.replace(/^\uFEFF/u, '') : rawLine).trim();
    if (line === '') return [];
    const position = `line ${this.lineNumber}`;
    const reject = (reason: string, title?: string): ImportItem[] => [{ kind: 'rejected', rejection: { position, reason, title } }];

    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return reject(`not valid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return reject('not a JSON object');
    const parsed = NdjsonArticle.safeParse(value);
    if (!parsed.success) {
      const title = typeof (value as { title?: unknown }).title === 'string' ? (value as { title: string }).title : undefined;
      return reject(parsed.error.issues.map((issue) => `"${issue.path.join('.')}" ${issue.message}`).join('; '), title);
    }
    const { title, body, date, channel, format } = parsed.data;
    return [{ kind: 'entry', entry: { position, title, body, date, bodyFormat: format ?? 'text', ...(channel ? { channel } : {}) } }];
  }
}

/** Parses a whole NDJSON text at once (tests and small files). */
export function parseNdjsonText(text: string): ImportItem[] {
  const parser = new NdjsonParser();
  return text.split('\n').flatMap((line) => parser.push(line));
}
