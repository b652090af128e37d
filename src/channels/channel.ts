// Channels: the city-wide channel and one per district, county or zone, read from data/channels.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const channelSchema = z.object({
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  /** The name on English pages; a channel file without one shows the slug, capitalised. */
  englishName: z.string().min(1).optional(),
  shortName: z.string().min(1),
  kind: z.enum(['city', 'district', 'county', 'zone', 'authority']),
  tags: z.array(z.string().min(1)).min(1),
  mentions: z.array(z.string().min(1)),
});

const channelFileSchema = z.object({ channels: z.array(channelSchema).min(1) });

/** One channel of the portal. */
export type Channel = z.infer<typeof channelSchema>;

/** What each kind of channel is called on pages, in the order the directory and site map group them. */
export const CHANNEL_KIND_LABELS: Readonly<Record<Channel['kind'], string>> = {
  city: '全市',
  district: '区',
  county: '县',
  zone: '开发区',
  authority: '管理局',
};

/** What English pages call a channel. */
export function englishChannelName(channel: Pick<Channel, 'slug' | 'englishName'>): string {
  return channel.englishName ?? channel.slug.charAt(0).toUpperCase() + channel.slug.slice(1);
}

/** The bundled channel list. */
export const DEFAULT_CHANNELS_FILE = fileURLToPath(new URL('../../data/channels.json', import.meta.url));

/** Reads and validates a channel file; the first `city` channel is the city-wide one. */
export function readChannelFile(path = DEFAULT_CHANNELS_FILE): Channel[] {
  const parsed = channelFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const channels = parsed.data.channels;
  const slugs = new Set(channels.map((c) => c.slug));
  if (slugs.size !== channels.length) throw new Error(`${path}: channel slugs must be unique`);
  if (!channels.some((c) => c.kind === 'city')) throw new Error(`${path}: a channel of kind "city" is required`);
  return channels;
}
