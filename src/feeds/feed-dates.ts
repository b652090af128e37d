// Dates as the two feed formats write them: RSS 2.0 wants RFC 822, Atom RFC 3339.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CHINA_OFFSET_MS = 8 * 3_600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** The instant `iso` names in RFC 822 form, on Beijing time: `Sun, 01 Mar 2026 00:00:00 +0800`. */
export function rfc822(iso: string): string {
  const at = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  if (Number.isNaN(at.getTime())) throw new Error(`not an instant: ${iso}`);
  const time = `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`;
  return `${DAYS[at.getUTCDay()]}, ${two(at.getUTCDate())} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${time} +0800`;
}

/** An instant as RFC 3339 in UTC, whole seconds: `2026-03-01T06:05:09Z`. */
export function rfc3339(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
