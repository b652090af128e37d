// npm run bench:parks [-- --sites 3000 --database-url postgres://…/db]
// Times the carrier library's list (site.store.ts: the filters, a LIKE per keyword word, newest
// change first) and the map's counts per district, over that many made-up sites spread over the
// channels and kinds, on SQLite, PGlite and, with --database-url, the PostgreSQL server (a schema
// of its own, dropped after). The sites exist only in the benchmark's temporary database.
import { parseArgs } from 'node:util';
import { measureOnEveryEngine } from './every-engine.ts';
import type { ConsoleUser } from '../src/accounts/account.ts';
import { COMMAND_LINE } from '../src/audit/audit.service.ts';
import type { OpenDb } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { INDUSTRIES } from '../src/enterprises/industry.ts';
import { muToM2, SITE_KINDS, type SiteInput } from '../src/parks/site.ts';
import { saveSite, siteCountsByChannel, siteList, type SiteQuery } from '../src/parks/site.service.ts';
import { segmenter } from '../test/helpers/seed.ts';

const { values } = parseArgs({ options: { sites: { type: 'string', default: '3000' }, 'database-url': { type: 'string' } } });
const count = Number(values.sites);
const ADMIN: ConsoleUser = { id: 1, name: 'bench', roles: ['admin'], channels: [], mustChangePassword: false };
const CHANNELS = ['donghu', 'xihu', 'qingyunpu', 'qingshanhu', 'xinjian', 'honggutan', 'nanchangxian', 'jinxian', 'anyi', 'gaoxin', 'jingkai', 'xiaolan'];
const RUNS = 20;

const QUERIES: Array<[string, SiteQuery]> = [
  ['list, no filter', {}],
  ['district', { channel: 'honggutan' }],
  ['kind + industry', { kind: 'building', industry: 'I' }],
  ['area 5000–50000 m²', { areaMin: 5000, areaMax: 50_000 }],
  ['all four filters', { channel: 'xihu', kind: 'building', industry: 'C', areaMin: 1000, areaMax: 50_000 }],
  ['keyword 地铁', { keyword: '地铁' }],
  ['keyword, no match 量子', { keyword: '量子隧穿' }],
];

function siteNumber(n: number): SiteInput {
  const kind = SITE_KINDS[n % SITE_KINDS.length]!;
  const land = kind === 'land';
  const area = 1000 + ((n * 7919) % 99_000);
  const mu = 10 + (n % 300);
  return {
    kind,
    name: `载体 ${n}`,
    channel: CHANNELS[n % CHANNELS.length]!,
    address: `第 ${n} 号`,
    industries: INDUSTRIES.filter((_, i) => (n + i) % 5 === 0).map((industry) => industry.code),
    areaM2: land ? muToM2(mu) : area,
    areaMu: land ? mu : null,
    advantages: n % 3 === 0 ? '地铁口,配套人才公寓,临近高速。' : '交通便利,配套齐全。',
    contactName: '联系人',
    contactPhone: '079188880001',
    grade: kind === 'building' ? '甲级' : null,
    floors: kind === 'building' ? 10 + (n % 30) : null,
    vacantM2: land ? null : Math.floor(area / 3),
    rentMin: land ? null : 1,
    rentMax: land ? null : 2,
    propertyFee: kind === 'building' ? 10 : null,
    landUse: land ? '工业' : null,
    plotRatioMin: land ? 1 : null,
    plotRatioMax: land ? 2.5 : null,
    landStatus: land ? '在售' : null,
    confirmedOn: `2026-${String(1 + (n % 11)).padStart(2, '0')}-01`,
  };
}

async function measure(name: string, opened: OpenDb): Promise<void> {
  try {
    await migrateToLatest(opened.db, opened.dialect);
    const started = performance.now();
    for (let n = 1; n <= count; n += 1) await saveSite(opened.db, ADMIN, COMMAND_LINE, undefined, siteNumber(n));
    console.log(`${name}: ${count} sites written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const timed = async (label: string, run: () => Promise<number>) => {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < RUNS; i += 1) {
        const t = performance.now();
        found = await run();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${label.padEnd(26)} ${String(found).padStart(5)} found  median ${times[RUNS / 2]!.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
    };
    for (const [label, query] of QUERIES) await timed(label, async () => (await siteList(opened.db, segmenter, query, 1)).total);
    await timed('map: counts per district', async () => (await siteCountsByChannel(opened.db)).size);
  } finally {
    await opened.close();
  }
}

await measureOnEveryEngine('zhaoshang-parks-bench-', values['database-url'], measure);
