// The stylesheet, icon and scripts under public/, held in memory and served with long-lived caching.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { compressBody, respondWithBody, type CompressedBody } from './compressed-body.ts';

export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: CompressedBody;
  contentType: string;
  /** What `?v=` names in the URL pages link. */
  version: string;
  href: string;
}

// Libraries served from node_modules (nothing may load from another host). ECharts is 1.1 MB:
// compressed once per process, on first use, and shared by every app in it.
// A Map, not an object literal: a name from the URL such as `constructor` must not find
// Object.prototype's members.
const VENDOR: ReadonlyMap<string, string> = new Map([['echarts.min.js', 'echarts/dist/echarts.min.js']]);
/** The vendored libraries pages may link to. */
export type VendorName = 'echarts.min.js';
const vendorAssets = new Map<string, Asset>();

function vendorAsset(name: string): Asset | undefined {
  const module = VENDOR.get(name);
  if (!module) return undefined;
  let asset = vendorAssets.get(name);
  if (!asset) {
    const bytes = readFileSync(createRequire(import.meta.url).resolve(module));
    const version = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${module.split('/')[0]}/package.json`), 'utf8')) as { version: string })
      .version;
    asset = { body: compressBody(bytes), contentType: CONTENT_TYPES['.js']!, version, href: `/static/${name}?v=${version}` };
    vendorAssets.set(name, asset);
  }
  return asset;
}

/** The versioned URL of a vendored library, without reading it. */
export function vendorHref(name: VendorName): string {
  const module = VENDOR.get(name)!;
  const version = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${module.split('/')[0]}/package.json`), 'utf8')) as { version: string })
    .version;
  return `/static/${name}?v=${version}`;
}

/** The public files by name, each with a URL that changes when its content does. */
export class StaticAssets {
  private readonly assets = new Map<string, Asset>();

  constructor(dir = DEFAULT_PUBLIC_DIR) {
    for (const name of readdirSync(dir)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (!contentType) continue;
      const body = compressBody(readFileSync(join(dir, name)));
      const version = body.etag.slice(1, 11);
      this.assets.set(name, { body, contentType, version, href: `/static/${name}?v=${version}` });
    }
  }

  /** The versioned URL of a public file; throws for a file that does not exist (a bug). */
  href(name: string): string {
    const asset = this.assets.get(name);
    if (!asset) throw new Error(`No public asset named ${name}`);
    return asset.href;
  }

  /** Serves `/static/:name`; undefined when there is no such file. */
  respond(c: Context, name: string): Response | undefined {
    const asset = this.assets.get(name) ?? vendorAsset(name);
    if (!asset) return undefined;
    // Pages always link the versioned URL, so the file behind it never changes: cache for a year.
    // Any other version is answered with this one's bytes, not to be kept: during a rolling upgrade
    // (several instances behind nginx) an instance still on the old version can be asked for the
    // new version's URL, and a year-long cache would keep the old file under the new name.
    const current = c.req.query('v') === asset.version;
    return respondWithBody(
      { ifNoneMatch: c.req.header('If-None-Match'), acceptEncoding: c.req.header('Accept-Encoding'), head: c.req.method === 'HEAD' },
      asset.body,
      { 'Content-Type': asset.contentType, 'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache' },
    );
  }
}
