// A one-line progress bar for long command-line work; silent when the output is not a terminal.

/** Reports progress of `total` units of work. */
export interface Progress {
  /** May return a promise: work that awaits it (the search rebuild) holds until it settles. */
  update(done: number, label?: string): void | Promise<void>;
  finish(): void;
}

const WIDTH = 30;
const REDRAW_EVERY_MS = 100;

/** A bar drawn on `stream` when it is a terminal, otherwise a progress that prints nothing. */
export function progressBar(title: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return { update() {}, finish() {} };
  const started = Date.now();
  let lastDraw = 0;
  let last = { done: 0, label: '' };
  const draw = () => {
    const ratio = Math.min(1, last.done / total);
    const filled = Math.round(ratio * WIDTH);
    const seconds = (Date.now() - started) / 1000;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    stream.write(`\r${title} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${last.label} ${seconds.toFixed(1)}s\x1b[K`);
  };
  return {
    update(done, label = '') {
      last = { done, label };
      const now = Date.now();
      if (now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      draw();
    },
    finish() {
      last.done = total;
      draw();
      stream.write('\n');
    },
  };
}
