// The district boundaries the carrier library's map is drawn from: a GeoJSON file shipped in
// data/geo/nanchang/ (source, date and licence in its SOURCE.md), read once and served as is.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { compressBody, respondWithBody, type CompressedBody } from '../http/compressed-body.ts';

const BOUNDARY_FILE = fileURLToPath(new URL('../../data/geo/nanchang/360100_full.json', import.meta.url));

interface Boundaries {
  body: CompressedBody;
  /** The `name` of every feature: 东湖区, 红谷滩区, 南昌县 …. */
  names: ReadonlySet<string>;
}

let loaded: Boundaries | undefined;

function boundaries(): Boundaries {
  if (!loaded) {
    const bytes = readFileSync(BOUNDARY_FILE);
    const geo = JSON.parse(bytes.toString('utf8')) as { features: Array<{ properties: { name: string } }> };
    loaded = { body: compressBody(bytes), names: new Set(geo.features.map((feature) => feature.properties.name)) };
  }
  return loaded;
}

/** The districts and counties the boundary file draws, by name (channels of the same name are on the map). */
export function mappedDistrictNames(): ReadonlySet<string> {
  return boundaries().names;
}

/** The path pages load the boundaries from, with the file's version so it can be cached for long. */
export function boundaryHref(): string {
  return `/parks/districts.geojson?v=${boundaries().body.etag.slice(1, 11)}`;
}

/** Answers GET /parks/districts.geojson. */
export function respondWithBoundaries(c: Context): Response {
  const { body } = boundaries();
  const current = c.req.query('v') === body.etag.slice(1, 11);
  return respondWithBody({ ifNoneMatch: c.req.header('If-None-Match'), acceptEncoding: c.req.header('Accept-Encoding'), head: c.req.method === 'HEAD' }, body, {
    'Content-Type': 'application/geo+json',
    'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
