// The bundled seed file and a channel catalog, as tests use them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChannelCatalog } from '../../src/channels/channel-catalog.ts';
import { readChannelFile } from '../../src/channels/channel.ts';

export const SEED_FILE = fileURLToPath(new URL('../../data/seed/articles.txt', import.meta.url));
export const seedText = (): string => readFileSync(SEED_FILE, 'utf8');
export const channels = new ChannelCatalog(readChannelFile());
