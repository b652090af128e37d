// Background work done a slice at a time while pages are served (the related lists, merging the
// search indexes): one slice per tick, never two at once, so that one process spends at most about
// a fifth of a core on it.

/** Work a slice takes at most, and how often one starts. */
export const SLICE_MS = 200;
const TICK_MS = 1000;

/**
 * Calls `slice` every second unless the last call is still running; a slice that throws is handed
 * to `failed` and the next tick carries on. Returns the timer (unref'd), for clearInterval.
 */
export function everySecondInSlices(slice: () => Promise<void>, failed: (error: unknown) => void): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    slice()
      .catch(failed)
      .finally(() => {
        running = false;
      });
  }, TICK_MS);
  timer.unref();
  return timer;
}
