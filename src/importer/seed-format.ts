// Reads the seed's news-list format: blocks of a line "-", a title line, a body line and a date
// line (YYYY-MM-DD). Lines after the last block are the site footer, not articles.

/** A block that has the shape of an article. */
export interface SeedBlock {
  line: number;
  title: string;
  body: string;
  date: string;
}

/** A block that cannot become an article, with where and why. */
export interface SeedRejection {
  line: number;
  reason: string;
  title: string | undefined;
}

/** Text outside any block: between blocks it is reported; after the last block it is the footer. */
export interface SeedStrayText {
  line: number;
  lines: number;
  trailing: boolean;
}

export type SeedItem = { kind: 'block'; block: SeedBlock } | { kind: 'rejected'; rejection: SeedRejection } | { kind: 'stray'; stray: SeedStrayText };

const BLOCK_START = /^-$/;
// Loose on purpose: a line shaped like a date ends the block even when the date itself is wrong,
// so that "2025-02-30" is reported as a bad date rather than swallowed into the body.
const DATE_LIKE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/;
const STRICT_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A line-by-line state machine, so that files of any size can be streamed through it. */
export class SeedFormatParser {
  private lineNumber = 0;
  private block: { line: number; lines: string[] } | undefined;
  private stray: { line: number; lines: number } | undefined;

  /** Feeds one line (without its line break); returns what that line completed. */
  push(rawLine: string): SeedItem[] {
    this.lineNumber += 1;
    // trim() also drops the \r of CRLF files and trailing spaces.
    const line = (this.lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
    if (line === '') return [];
    const items: SeedItem[] = [];

    if (BLOCK_START.test(line)) {
      this.flushStray(items, false);
      this.flushUnfinishedBlock(items);
      this.block = { line: this.lineNumber, lines: [] };
      return items;
    }
    if (!this.block) {
      this.stray ??= { line: this.lineNumber, lines: 0 };
      this.stray.lines += 1;
      return items;
    }
    if (DATE_LIKE.test(line)) {
      items.push(this.finishBlock(this.block, line));
      this.block = undefined;
      return items;
    }
    this.block.lines.push(line);
    return items;
  }

  /** Ends the input; returns what the last lines completed. */
  end(): SeedItem[] {
    const items: SeedItem[] = [];
    this.flushUnfinishedBlock(items);
    this.flushStray(items, true);
    return items;
  }

  private finishBlock(block: { line: number; lines: string[] }, dateLine: string): SeedItem {
    const [title, ...bodyLines] = block.lines;
    const reject = (reason: string): SeedItem => ({ kind: 'rejected', rejection: { line: block.line, reason, title } });
    if (title === undefined) return reject(`no title and no body before the date on line ${this.lineNumber}`);
    if (bodyLines.length === 0) return reject(`no body line between the title and the date on line ${this.lineNumber}`);
    if (!STRICT_DATE.test(dateLine)) return reject(`bad date "${dateLine}" on line ${this.lineNumber} (expected YYYY-MM-DD)`);
    // A body that was wrapped onto several lines keeps its line breaks as paragraph breaks.
    return { kind: 'block', block: { line: block.line, title, body: bodyLines.join('\n'), date: dateLine } };
  }

  private flushUnfinishedBlock(items: SeedItem[]): void {
    if (!this.block) return;
    const { line, lines } = this.block;
    items.push({
      kind: 'rejected',
      rejection: { line, reason: lines.length === 0 ? 'empty block (a "-" line with nothing after it)' : 'missing date', title: lines[0] },
    });
    this.block = undefined;
  }

  private flushStray(items: SeedItem[], trailing: boolean): void {
    if (!this.stray) return;
    items.push({ kind: 'stray', stray: { ...this.stray, trailing } });
    this.stray = undefined;
  }
}

/** Parses a whole text at once (tests and small files). */
export function parseSeedText(text: string): SeedItem[] {
  const parser = new SeedFormatParser();
  const items = text.split('\n').flatMap((line) => parser.push(line));
  return [...items, ...parser.end()];
}
