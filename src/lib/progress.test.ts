import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressBar } from './progress.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => (written.push(text), true) } as unknown as NodeJS.WriteStream, written };
}

describe('progress bar', () => {
  it('draws a bar with the percentage and label on a terminal and ends the line when finished', () => {
    const { stream, written } = fakeStream(true);
    const progress = progressBar('writing', 200, stream);
    progress.update(50, '50/200 articles');
    assert.match(written.at(-1)!, /^\rwriting █{8}░{22}  25% 50\/200 articles/);
    progress.finish();
    assert.match(written.at(-2)!, /█{30} 100%/);
    assert.equal(written.at(-1), '\n');
  });

  it('prints nothing when the output is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const progress = progressBar('writing', 200, stream);
    progress.update(100);
    progress.finish();
    assert.deepEqual(written, []);
  });
});
