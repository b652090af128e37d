// The segmenting thread's side (started by segmenting-thread.ts): answers requests with a
// segmenter built from the same dictionary. A module of its own, so that the bundled build has a
// file to start the thread from.
import { parentPort, workerData } from 'node:worker_threads';
import { Segmenter } from '../text/segmenter.ts';
import { indexedTextOf, type ArticleText } from './indexed-text.ts';

export interface SegmentingWorkerData {
  lines: readonly string[];
}

const port = parentPort!;
const segmenter = new Segmenter((workerData as SegmentingWorkerData).lines);
port.on('message', ({ id, articles }: { id: number; articles: ArticleText[] }) => {
  port.postMessage({ id, texts: articles.map((article) => indexedTextOf(segmenter, article)) });
});
