// Segmentation on a worker thread, so bulk writes (import, rebuild) cut the next batch's words
// while the main thread writes this batch: jieba is the largest single cost of indexing.
import { Worker } from 'node:worker_threads';
import type { Segmenter } from '../text/segmenter.ts';
import type { ArticleText, IndexedText } from './indexed-text.ts';
import type { SegmentingWorkerData } from './segmenting-worker.ts';

interface Request {
  resolve(texts: IndexedText[]): void;
  reject(error: Error): void;
}

// The thread runs segmenting-worker.ts. From sources (npm test, tsx) it registers tsx first: worker
// threads do not inherit tsx's loader on Node 20. In the bundled build (npm run build) this module
// is a chunk beside the worker's own entry, segmenting-worker.js, which needs no loader.
const BUNDLED = import.meta.url.endsWith('.js');

function startWorker(workerData: SegmentingWorkerData): Worker {
  if (BUNDLED) return new Worker(new URL('./segmenting-worker.js', import.meta.url), { workerData });
  const source = `
    import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => {
      register();
      return import(${JSON.stringify(new URL('./segmenting-worker.ts', import.meta.url).href)});
    });
  `;
  return new Worker(source, { eval: true, workerData });
}

/** A worker thread with its own copy of a segmenter. */
export class SegmentingThread {
  private readonly worker: Worker;
  private readonly requests = new Map<number, Request>();
  private nextId = 0;
  /** Why the thread can answer no more, once it cannot. */
  private failure: Error | undefined;

  constructor(segmenter: Segmenter) {
    this.worker = startWorker({ lines: segmenter.lines });
    this.worker.unref();
    this.worker.on('message', ({ id, texts }: { id: number; texts: IndexedText[] }) => this.settle(id, (request) => request.resolve(texts)));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`segmenting thread exited with code ${code}`)));
  }

  /** The indexed text of each article, in order. */
  segment(articles: readonly ArticleText[]): Promise<IndexedText[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // Kept alive only while it owes an answer, so an idle thread never holds the process open.
    if (this.requests.size === 0) this.worker.ref();
    const answer = new Promise<IndexedText[]>((resolve, reject) => this.requests.set(id, { resolve, reject }));
    this.worker.postMessage({ id, articles: articles.map(({ title, body, english }) => ({ title, body, english })) });
    return answer;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(id: number, how: (request: Request) => void): void {
    const request = this.requests.get(id);
    if (!request) return;
    this.requests.delete(id);
    if (this.requests.size === 0) this.worker.unref();
    how(request);
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const id of [...this.requests.keys()]) this.settle(id, (request) => request.reject(error));
  }
}
