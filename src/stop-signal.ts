// Stopping on a signal, shared by the primary and the serving processes.

// On a stop signal a worker has DRAIN_MS to finish its requests and STOP_MS to exit; the primary
// kills a worker still there after PRIMARY_STOP_MS. All within the 10 s a deploy waits before it
// kills (systemd's and Kubernetes' default grace is longer; ours is the promise we test).
export const DRAIN_MS = 8000;
export const STOP_MS = 9000;
export const PRIMARY_STOP_MS = 9500;

/** Calls `stop` on the first SIGTERM or SIGINT; a repeated signal (group and primary) is ignored. */
export function onStopSignal(stop: () => void): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    stop();
  };
  process.on('SIGTERM', once);
  process.on('SIGINT', once);
}
