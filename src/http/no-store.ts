// Pages with a per-visitor form token or personal data must never be stored by browsers or proxies.

/** Headers for responses that must not be cached anywhere. */
export const NO_STORE: Readonly<Record<string, string>> = Object.freeze({ 'Cache-Control': 'no-store' });
