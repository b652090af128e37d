// Rules of the carrier library (载体库): editors keep the sites of their channels, every change
// audited and making cached pages stale; a 确认空置 updates the vacancy and its date in one step;
// readers list, filter and open sites, and ask about one (我要咨询). No HTTP here.
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { addCalendarDays } from '../calendar/working-calendar.ts';
import { leaveMessage } from '../contact/message.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion, setSiteMetaValue, siteMetaValue } from '../db/site-state.store.ts';
import { chinaDate } from '../lib/china-time.ts';
import { normalizeQuery } from '../text/normalize.ts';
import type { AttachmentOwner } from '../uploads/attachment.ts';
import { removeAttachmentsOfDeleted } from '../uploads/owner-deleted.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { companyIdentityLines } from '../enterprises/company-identity.ts';
import { industryNames, isStale, SITE_KIND_NAMES, STALE_AFTER_DAYS, type InquiryInput, type Site, type SiteInput } from './site.ts';
import type { SiteKeywordMatches } from './site-keyword-matches.ts';
import * as store from './site.store.ts';

export type { SiteFilter, UpdatedPosition } from './site.store.ts';

/** A site with whether its vacancy is out of date today (待更新). */
export type ShownSite = Site & { stale: boolean };

/** The filters of a list as readers give them: the keyword as typed. */
export type SiteQuery = Omit<store.SiteFilter, 'words'> & { keyword?: string | undefined };

/** Sites per page of the public list. */
export const SITE_PAGE_SIZE = 20;

const shown = (site: Site, today: string): ShownSite => ({ ...site, stale: isStale(site.confirmedOn, today) });

/** A keyword's words, folded as search_text is. */
const wordsOf = (segmenter: Segmenter, text: string) => [...new Set(segmenter.segment(normalizeQuery(text)).terms)];

const filterOf = (segmenter: Segmenter, query: SiteQuery): store.SiteFilter => {
  const { keyword, ...rest } = query;
  const text = keyword?.trim() ?? '';
  return { ...rest, words: text === '' ? undefined : wordsOf(segmenter, text) };
};

/**
 * One page (from 1) of sites matching a query, most recently changed first, flagged on `now`'s
 * Beijing day. A keyword list is answered from `matches` when given (the search page's box).
 */
export async function siteList(
  db: Db,
  segmenter: Segmenter,
  query: SiteQuery,
  page: number,
  now = new Date(),
  matches?: SiteKeywordMatches,
): Promise<{ items: ShownSite[]; total: number; pageCount: number }> {
  const today = chinaDate(now);
  const { keyword, ...rest } = query;
  const text = keyword?.trim() ?? '';
  const offset = (page - 1) * SITE_PAGE_SIZE;
  const { items, total } =
    matches && text !== ''
      ? await matches.page(rest, () => wordsOf(segmenter, text), offset, SITE_PAGE_SIZE)
      : await store.sitePage(db, filterOf(segmenter, query), offset, SITE_PAGE_SIZE);
  return { items: items.map((item) => shown(item, today)), total, pageCount: Math.max(1, Math.ceil(total / SITE_PAGE_SIZE)) };
}

/** Up to `limit` sites after a position (the open API's keyset pages), most recently changed first. */
export async function sitesAfter(
  db: Db,
  segmenter: Segmenter,
  query: SiteQuery,
  after: store.UpdatedPosition | undefined,
  limit: number,
  now = new Date(),
): Promise<ShownSite[]> {
  const today = chinaDate(now);
  return (await store.sitesAfter(db, filterOf(segmenter, query), after, limit)).map((item) => shown(item, today));
}

/** One site as its page shows it, or undefined. */
export async function siteDetail(db: Db, id: number, now = new Date()): Promise<ShownSite | undefined> {
  const site = await store.siteById(db, id);
  return site && shown(site, chinaDate(now));
}

/** How many sites each channel has (for the map); channels without any are left out. */
export function siteCountsByChannel(db: Db): Promise<Map<string, number>> {
  return store.siteCountsByChannel(db);
}

/** The id and last change of every site (for the sitemap). */
export function siteStamps(db: Db): Promise<Array<{ id: number; updatedAt: string }>> {
  return store.siteStamps(db);
}

/**
 * Sends a 我要咨询 about a site to its district office: a contact message in that channel's
 * queue that links the site's page, naming the company as every public form does (credit code, or
 * country or region and registration number outside the mainland). Returns the tracking code for the receipt.
 */
export async function askAboutSite(db: Db, site: Site, inquiry: InquiryInput, now = new Date()): Promise<string> {
  const identity = companyIdentityLines(inquiry.company).map(([label, value]) => `${label}:${value}`);
  const body = [`咨询载体:${site.name}(${SITE_KIND_NAMES[site.kind]})`, `企业名称:${inquiry.companyName}`, ...identity, '', inquiry.question].join('\n');
  const { trackingCode } = await leaveMessage(
    db,
    { channel: site.channel, subject: `我要咨询:${site.name}`.slice(0, 100), body, name: inquiry.name, contact: inquiry.contact },
    now,
    `/parks/${site.id}`,
  );
  return trackingCode;
}

// The Beijing day whose 待更新 marks the cached pages show.
const STALENESS_DAY_KEY = 'site_staleness_day';

/**
 * Makes cached pages stale when the Beijing day changes and some site's vacancy turns 待更新 with
 * it (more than 90 days since its confirmation). Run by the scheduler; returns whether it did.
 */
export async function refreshSiteStalenessDay(db: Db, now = new Date()): Promise<boolean> {
  const today = chinaDate(now);
  return db.transaction().execute(async (trx) => {
    const shownDay = await siteMetaValue(trx, STALENESS_DAY_KEY);
    if (shownDay === today) return false;
    await setSiteMetaValue(trx, STALENESS_DAY_KEY, today);
    // Stale on day D: confirmed before D − 90. Newly stale since the shown day S: confirmed in [S − 90, today − 90).
    const newlyStale =
      shownDay !== undefined &&
      (await store.siteConfirmedBetween(trx, addCalendarDays(shownDay, -STALE_AFTER_DAYS), addCalendarDays(today, -STALE_AFTER_DAYS)));
    if (!newlyStale) return false;
    await bumpContentVersion(trx);
    return true;
  });
}

// Console

/** The sites of the user's channels, most recently changed first. */
export async function consoleSites(db: Db, user: ConsoleUser, limit = 500, now = new Date()): Promise<ShownSite[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  const today = chinaDate(now);
  return (await store.recentlyUpdatedSites(db, scope, limit)).map((item) => shown(item, today));
}

/** Sites whose vacancy was confirmed more than 90 days before `now`'s Beijing day, in the user's channels (undefined user: all), oldest first. */
export async function staleSites(db: Db, user: ConsoleUser | undefined, limit = 500, now = new Date()): Promise<ShownSite[]> {
  const scope = user && channelScope(user);
  if (scope?.length === 0) return [];
  const today = chinaDate(now);
  const confirmedBefore = addCalendarDays(today, -STALE_AFTER_DAYS);
  return (await store.sitesConfirmedBefore(db, scope, confirmedBefore, limit)).map((item) => shown(item, today));
}

/** A site to edit, or undefined when unknown or outside the user's channels. */
export async function siteForEditing(db: Db, user: ConsoleUser, id: number, now = new Date()): Promise<ShownSite | undefined> {
  const site = await siteDetail(db, id, now);
  return site && canActOn(user, site.channel) ? site : undefined;
}

const searchTextOf = (input: SiteInput) =>
  normalizeQuery(
    [input.name, SITE_KIND_NAMES[input.kind], input.address, input.advantages, ...industryNames(input.industries), input.landUse ?? ''].join('\n'),
  );

// What the audit log records of a site: every field an editor sets.
const audited = (site: SiteInput | Site): SiteInput => ({
  kind: site.kind,
  name: site.name,
  channel: site.channel,
  address: site.address,
  industries: site.industries,
  areaM2: site.areaM2,
  areaMu: site.areaMu,
  advantages: site.advantages,
  contactName: site.contactName,
  contactPhone: site.contactPhone,
  grade: site.grade,
  floors: site.floors,
  vacantM2: site.vacantM2,
  rentMin: site.rentMin,
  rentMax: site.rentMax,
  propertyFee: site.propertyFee,
  landUse: site.landUse,
  plotRatioMin: site.plotRatioMin,
  plotRatioMax: site.plotRatioMax,
  landStatus: site.landStatus,
  confirmedOn: site.confirmedOn,
});

function columnsOf(input: SiteInput) {
  return {
    kind: input.kind,
    name: input.name,
    channel: input.channel,
    address: input.address,
    industries: store.industriesColumn(input.industries),
    area_m2: input.areaM2,
    area_mu: input.areaMu,
    advantages: input.advantages,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    grade: input.grade,
    floors: input.floors,
    vacant_m2: input.vacantM2,
    rent_min: input.rentMin,
    rent_max: input.rentMax,
    property_fee: input.propertyFee,
    land_use: input.landUse,
    plot_ratio_min: input.plotRatioMin,
    plot_ratio_max: input.plotRatioMax,
    land_status: input.landStatus,
    confirmed_on: input.confirmedOn,
    search_text: searchTextOf(input),
  };
}

/** Creates (id undefined) or updates a site, audited; returns its id, or 'not_found' outside the user's channels. */
export async function saveSite(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number | undefined,
  input: SiteInput,
  now = new Date(),
): Promise<number | 'not_found'> {
  if (!canActOn(user, input.channel)) return 'not_found';
  return db.transaction().execute(async (trx) => {
    const before = id === undefined ? undefined : await store.siteById(trx, id);
    if (id !== undefined && (!before || !canActOn(user, before.channel))) return 'not_found';
    const fields = { ...columnsOf(input), updated_at: now.toISOString() };
    const siteId =
      before === undefined
        ? await store.insertSite(trx, { ...fields, created_at: now.toISOString() })
        : (await store.updateSite(trx, before.id, fields), before.id);
    await bumpContentVersion(trx);
    await recordAudit(
      trx,
      actor,
      {
        action: before ? 'site.update' : 'site.create',
        targetType: 'site',
        targetId: siteId,
        before: before && audited(before),
        after: audited(input),
        channel: input.channel,
      },
      now,
    );
    return siteId;
  });
}

/** Deletes a site and its attachments, audited with what it was; 'not_found' when unknown or outside the user's channels. */
export async function removeSite(db: Db, user: ConsoleUser, actor: Actor, id: number, now = new Date()): Promise<'done' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const before = await store.siteById(trx, id);
    if (!before || !canActOn(user, before.channel)) return 'not_found';
    // Its photos go with it (their files with the sweep).
    await removeAttachmentsOfDeleted(trx, actor, { kind: 'site', id, channel: before.channel }, now);
    await store.deleteSite(trx, id);
    await bumpContentVersion(trx);
    await recordAudit(trx, actor, { action: 'site.delete', targetType: 'site', targetId: id, before: audited(before), channel: before.channel }, now);
    return 'done';
  });
}

/**
 * 确认空置: records the vacant area (a plot: its status) as of `now`'s Beijing day, in one step
 * with the confirmation date, audited. 'not_found' when unknown or outside the user's channels.
 */
export async function confirmVacancy(
  db: Db,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  vacancy: { vacantM2: number | null; landStatus: string | null },
  now = new Date(),
): Promise<'done' | 'not_found' | 'too_large'> {
  return db.transaction().execute(async (trx) => {
    const before = await store.siteById(trx, id);
    if (!before || !canActOn(user, before.channel)) return 'not_found';
    if (vacancy.vacantM2 !== null && vacancy.vacantM2 > before.areaM2) return 'too_large';
    const confirmedOn = chinaDate(now);
    const after = before.kind === 'land' ? { landStatus: vacancy.landStatus, confirmedOn } : { vacantM2: vacancy.vacantM2, confirmedOn };
    await store.updateSite(trx, id, {
      ...(before.kind === 'land' ? { land_status: vacancy.landStatus } : { vacant_m2: vacancy.vacantM2 }),
      confirmed_on: confirmedOn,
      updated_at: now.toISOString(),
    });
    await bumpContentVersion(trx);
    const previous =
      before.kind === 'land'
        ? { landStatus: before.landStatus, confirmedOn: before.confirmedOn }
        : { vacantM2: before.vacantM2, confirmedOn: before.confirmedOn };
    await recordAudit(trx, actor, { action: 'site.confirm', targetType: 'site', targetId: id, before: previous, after, channel: before.channel }, now);
    return 'done';
  });
}

/** A site as the uploads see an owner of attachments (its photos): every site is public. */
export async function siteAsAttachmentOwner(db: Db, id: number): Promise<AttachmentOwner | undefined> {
  const site = await store.siteById(db, id);
  return site && { title: site.name, channel: site.channel, isPublic: true, publicPath: `/parks/${site.id}`, editorPath: `/admin/parks/${site.id}` };
}
