// Reads one article as the portal does: its place (from a report title or its channel), then its
// indicator facts and named projects. Shared by `zhaoshang extract` and the evaluation.
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { IndicatorFact } from './indicator-fact.ts';
import { extractIndicators } from './indicators.ts';
import { extractProjects, type ProjectFact } from './projects.ts';
import { placeOfArticle, type ArticlePlace } from './report-place.ts';

export interface ArticleReading {
  place: ArticlePlace;
  indicators: IndicatorFact[];
  projects: ProjectFact[];
}

export function readArticle(title: string, body: string, channels: ChannelCatalog): ArticleReading {
  const place = placeOfArticle(title, body, channels);
  const places = channels.all.flatMap((channel) => [channel.name, ...channel.mentions]).filter((name) => Array.from(name).length > 1);
  return { place, indicators: extractIndicators(title, body, place), projects: extractProjects(body, places) };
}
