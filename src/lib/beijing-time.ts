// The product shows Beijing time (UTC+8, no daylight saving); stored times are ISO-8601 UTC.

const OFFSET_MS = 8 * 3600_000;

/** The Beijing calendar date (YYYY-MM-DD) of a stored UTC time. */
export function beijingDate(isoUtc: string): string {
  return new Date(Date.parse(isoUtc) + OFFSET_MS).toISOString().slice(0, 10);
}
