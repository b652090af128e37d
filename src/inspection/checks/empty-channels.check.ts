// 空白栏目: a channel without a published article. Each one is a fault; five or more fail the site.
import { articleCountsByChannel } from '../../articles/article.service.ts';
import type { InspectionCheck } from '../inspection-check.ts';

/** Five or more empty channels are a veto item; fewer are warnings. */
export const EMPTY_CHANNELS_VETO = 5;

/** One finding per empty channel, severe as the site's count of them makes it. */
export const emptyChannelsCheck: InspectionCheck = {
  id: 'empty-channels',
  title: `空白频道(${EMPTY_CHANNELS_VETO} 个及以上为单项否决)`,
  audience: ['admin', 'editor'],
  quick: true,
  async run({ db, channels }) {
    const counts = await articleCountsByChannel(db);
    const empty = channels.all.filter((channel) => (counts.get(channel.slug) ?? 0) === 0);
    if (empty.length === 0) return [{ severity: 'ok', message: '没有空白频道', href: '/channels', channel: undefined }];
    const severity = empty.length >= EMPTY_CHANNELS_VETO ? 'veto' : 'warning';
    return empty.map((channel) => ({
      severity,
      message: `频道「${channel.name}」没有文章(全站共 ${empty.length} 个空白频道)`,
      href: '/admin/articles/new',
      channel: channel.slug,
    }));
  },
};
