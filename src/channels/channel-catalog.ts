// Finds an article's channel: from its 【…招商】 title tag, or else from the places its text names.
import type { Channel } from './channel.ts';

/** What the title says about the channel. */
export interface TitleTag {
  /** The place named in the tag, e.g. 东湖区 for 【东湖区招商】; undefined when there is no tag. */
  tagPlace: string | undefined;
  /** The title without the tag (empty when the title is only a tag). */
  displayTitle: string;
}

const TITLE_TAG = /^\s*【([^】]{1,20}?)招商】\s*/;

/** Splits a leading 【…招商】 tag off a title. */
export function splitTitleTag(title: string): TitleTag {
  const match = TITLE_TAG.exec(title);
  if (!match) return { tagPlace: undefined, displayTitle: title.trim() };
  return { tagPlace: match[1]!.trim(), displayTitle: title.slice(match[0].length).trim() };
}

// An untagged article belongs to a district only when the text clearly dwells on it: a mention in
// the title, or several in the body and far more than any other district. A single passing mention
// (a project "in 南昌县" inside a city-wide round-up) leaves it city-wide.
const TITLE_MENTION_WEIGHT = 5;
const MIN_SCORE = 3;
const MIN_LEAD_FACTOR = 2;

/** The channel list with lookups by slug, by title tag and by the places a text mentions. */
export class ChannelCatalog {
  readonly all: readonly Channel[];
  readonly city: Channel;
  private readonly bySlugMap: Map<string, Channel>;
  private readonly byTagMap: Map<string, Channel>;
  private readonly mentionPattern: RegExp | undefined;
  private readonly channelOfMention: Map<string, Channel>;

  constructor(channels: readonly Channel[]) {
    this.all = channels;
    this.city = channels.find((c) => c.kind === 'city')!;
    this.bySlugMap = new Map(channels.map((c) => [c.slug, c]));
    this.byTagMap = new Map(channels.flatMap((c) => [c.name, c.shortName, ...c.tags].map((t) => [t, c] as const)));
    this.channelOfMention = new Map(channels.flatMap((c) => c.mentions.map((m) => [m, c] as const)));
    // Longest names first, so that 小蓝经开区 is read as itself and not as 经开区.
    const names = [...this.channelOfMention.keys()].sort((a, b) => b.length - a.length);
    this.mentionPattern = names.length ? new RegExp(names.map(escapeRegExp).join('|'), 'g') : undefined;
  }

  /** The channel with this URL slug, or undefined. */
  bySlug(slug: string): Channel | undefined {
    return this.bySlugMap.get(slug);
  }

  /** The channel a tag place names (东湖区, 南昌 …), or undefined when unknown. */
  byTag(place: string): Channel | undefined {
    return this.byTagMap.get(place);
  }

  /** The channel of an article: its title tag when known, else the district its text is about. */
  channelOf(originalTitle: string, body: string): Channel {
    const { tagPlace, displayTitle } = splitTitleTag(originalTitle);
    const tagged = tagPlace === undefined ? undefined : this.byTag(tagPlace);
    return tagged ?? this.inferFromText(displayTitle, body);
  }

  /** The district an untagged text is about, or the city-wide channel. */
  inferFromText(title: string, body: string): Channel {
    const scores = new Map<Channel, number>();
    this.countMentions(title, TITLE_MENTION_WEIGHT, scores);
    this.countMentions(body, 1, scores);
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (!best || best[1] < MIN_SCORE) return this.city;
    if (second && best[1] < second[1] * MIN_LEAD_FACTOR) return this.city;
    return best[0];
  }

  private countMentions(text: string, weight: number, scores: Map<Channel, number>): void {
    if (!this.mentionPattern) return;
    for (const match of text.matchAll(this.mentionPattern)) {
      const channel = this.channelOfMention.get(match[0])!;
      scores.set(channel, (scores.get(channel) ?? 0) + weight);
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
