// Row type of the rate_limit table.

export interface RateLimitTable {
  /** What is limited and for whom, e.g. `submit:203.0.113.7`. */
  bucket: string;
  /** Start of the fixed window, in seconds since the epoch. */
  window_start: number;
  hits: number;
}
