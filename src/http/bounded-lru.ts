// Least recently used first, bounded by a count of entries and by the bytes they hold together, so
// a stream of one-off pages (old articles, rare searches) cannot push out the hot ones, and a few
// large pages cannot hold more memory than the bound.

/** The bounds of a BoundedLru. */
export interface LruBounds {
  maxEntries: number;
  maxBytes: number;
}

/** Entries by key, the least recently stored or touched first out. */
export class BoundedLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;

  constructor(
    /** The bytes an entry holds. */
    private readonly sizeOf: (value: V) => number,
    private readonly bounds: LruBounds,
  ) {}

  /** The entry under `key`, without making it more recent. */
  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /**
   * Stores `value` under `key` as the most recent entry, then drops the least recent ones until
   * both bounds hold. A value larger than the byte bound on its own is not kept (and whatever was
   * under its key goes): false.
   */
  set(key: string, value: V): boolean {
    this.delete(key);
    const bytes = this.sizeOf(value);
    if (bytes > this.bounds.maxBytes) return false;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    while (this.entries.size > this.bounds.maxEntries || this.totalBytes > this.bounds.maxBytes) {
      this.delete(this.entries.keys().next().value!);
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes the entries hold together. */
  get bytes(): number {
    return this.totalBytes;
  }
}
