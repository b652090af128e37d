import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BoundedLru } from './bounded-lru.ts';

/** Entries whose value is their size in bytes. */
const lru = (maxEntries: number, maxBytes: number) => new BoundedLru<number>((bytes) => bytes, { maxEntries, maxBytes });

describe('bounded LRU', () => {
  it('drops the least recently stored entries first when the bytes go over the bound', () => {
    const cache = lru(100, 10);
    cache.set('a', 4);
    cache.set('b', 4);
    cache.set('a', 4); // a is now the most recent
    cache.set('c', 4);
    assert.equal(cache.get('b'), undefined, 'b was the least recent');
    assert.equal(cache.get('a'), 4);
    assert.equal(cache.get('c'), 4);
    assert.equal(cache.bytes, 8);
    cache.set('d', 9);
    assert.deepEqual([cache.get('a'), cache.get('c'), cache.get('d')], [undefined, undefined, 9], 'as many out as needed');
    assert.equal(cache.bytes, 9);
  });

  it('keeps no more entries than its count bound, whatever their bytes', () => {
    const cache = lru(2, 1000);
    cache.set('a', 1);
    cache.set('b', 1);
    cache.set('c', 1);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('a'), undefined);
  });

  it('does not keep a value larger than the byte bound, and drops what its key held', () => {
    const cache = lru(100, 10);
    cache.set('a', 3);
    cache.set('b', 3);
    assert.equal(cache.set('a', 11), false);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('b'), 3, 'the others stay');
    assert.equal(cache.bytes, 3);
    assert.equal(cache.set('c', 10), true, 'exactly the bound fits');
    assert.equal(cache.bytes, 10);
  });

  it('never holds more than its bounds and keeps exactly the most recent entries that fit', () => {
    const operation = fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), bytes: fc.integer({ min: 0, max: 40 }), remove: fc.boolean() });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(operation, { maxLength: 40 }),
        (maxEntries, maxBytes, operations) => {
          const cache = lru(maxEntries, maxBytes);
          // The model: keys from most to least recent, kept while both bounds hold.
          let model: Array<[string, number]> = [];
          for (const { key, bytes, remove } of operations) {
            model = model.filter(([k]) => k !== key);
            if (remove) cache.delete(key);
            else {
              assert.equal(cache.set(key, bytes), bytes <= maxBytes);
              if (bytes <= maxBytes) model.unshift([key, bytes]);
            }
            let total = 0;
            model = model.filter(([, b], i) => (total += b) <= maxBytes && i < maxEntries);
            assert.ok(cache.bytes <= maxBytes && cache.size <= maxEntries);
            assert.equal(cache.size, model.length);
            assert.equal(
              cache.bytes,
              model.reduce((sum, [, b]) => sum + b, 0),
            );
            for (const [k, b] of model) assert.equal(cache.get(k), b);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
