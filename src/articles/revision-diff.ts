// The difference between two versions of an article's text, side by side: lines are paired
// first (a changed paragraph beside what it replaced), then the paired lines are compared token
// by token, where a token is one Chinese character, a run of Latin letters or digits, or one
// other character, so a changed 字 is marked alone in Chinese, which has no spaces between words.
import { diffArrays } from 'diff';

/** A run of text: the same in both versions, only in the older (deleted) or only in the newer (inserted). */
export interface DiffPart {
  kind: 'same' | 'deleted' | 'inserted';
  text: string;
}

/** One row of the side-by-side view: the older line's parts, the newer line's parts; null where a side has no line. */
export interface DiffRow {
  older: DiffPart[] | null;
  newer: DiffPart[] | null;
  changed: boolean;
}

const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}_])+|\s+|./gsu;

/** The tokens a line is compared by. */
export function diffTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Adjacent parts of one kind joined. */
function merged(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else if (part.text !== '') out.push({ ...part });
  }
  return out;
}

/** Two lines compared token by token: the older's parts (same or deleted) and the newer's (same or inserted). */
export function diffLine(older: string, newer: string): { older: DiffPart[]; newer: DiffPart[] } {
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  for (const change of diffArrays(diffTokens(older), diffTokens(newer))) {
    const text = change.value.join('');
    if (change.removed) left.push({ kind: 'deleted', text });
    else if (change.added) right.push({ kind: 'inserted', text });
    else {
      left.push({ kind: 'same', text });
      right.push({ kind: 'same', text });
    }
  }
  return { older: merged(left), newer: merged(right) };
}

/** Two texts side by side, line by line; removed lines are paired in order with the lines added in their place. */
export function diffText(older: string, newer: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  const flushRemoved = (added: string[]) => {
    for (let i = 0; i < Math.max(removed.length, added.length); i += 1) {
      const was = removed[i];
      const is = added[i];
      if (was !== undefined && is !== undefined) rows.push({ ...diffLine(was, is), changed: true });
      else if (was !== undefined) rows.push({ older: [{ kind: 'deleted', text: was }], newer: null, changed: true });
      else if (is !== undefined) rows.push({ older: null, newer: [{ kind: 'inserted', text: is }], changed: true });
    }
    removed = [];
  };
  for (const change of diffArrays(older.split(/\r?\n/u), newer.split(/\r?\n/u))) {
    if (change.removed) {
      flushRemoved([]);
      removed = change.value;
    } else if (change.added) flushRemoved(change.value);
    else {
      flushRemoved([]);
      for (const line of change.value) rows.push({ older: [{ kind: 'same', text: line }], newer: [{ kind: 'same', text: line }], changed: false });
    }
  }
  flushRemoved([]);
  return rows;
}
