// Console routes for the carrier library (editors of a site's channel, and admins): list with the
// sites whose vacancy is out of date, create, edit, delete, and 确认空置 (vacancy and its date in
// one step). Mounted under /admin/parks by the console's route table.
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, type ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues, validateForm } from '../http/form.ts';
import { chinaDate } from '../lib/china-time.ts';
import { attachmentsOf } from '../uploads/attachment.service.ts';
import { AttachmentPanel } from '../uploads/views/attachment-panel.tsx';
import { industryField, siteSchema, vacancySchema, type Site } from './site.ts';
import { confirmVacancy, consoleSites, removeSite, saveSite, siteForEditing, staleSites, type ShownSite } from './site.service.ts';
import { SiteEditorPage, SiteListPage } from './views/site-editor.tsx';

const NOT_FOUND = '没有这处载体,或它不在您负责的频道。';

const text = (value: number | null) => (value === null ? '' : String(value));

const formOf = (site: Site): FieldState => ({
  values: {
    kind: site.kind,
    name: site.name,
    channel: site.channel,
    address: site.address,
    advantages: site.advantages,
    contactName: site.contactName,
    contactPhone: site.contactPhone,
    areaM2: site.kind === 'land' ? '' : text(site.areaM2),
    areaMu: text(site.areaMu),
    grade: site.grade ?? '',
    floors: text(site.floors),
    vacantM2: text(site.vacantM2),
    rentMin: text(site.rentMin),
    rentMax: text(site.rentMax),
    propertyFee: text(site.propertyFee),
    landUse: site.landUse ?? '',
    plotRatioMin: text(site.plotRatioMin),
    plotRatioMax: text(site.plotRatioMax),
    landStatus: site.landStatus ?? '',
    confirmedOn: site.confirmedOn,
    ...Object.fromEntries(site.industries.map((code) => [industryField(code), 'yes'])),
  },
  errors: {},
});

/** Routes: `/`, `/new`, POST `/`, `/:id` (GET, POST), POST `/:id/confirm`, POST `/:id/delete`. */
export function siteAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  const channelName = (slug: string) => ctx.navChannel(slug).name;
  const channelsOf = (c: Context<ConsoleEnv>) =>
    ctx.channels.all.filter((channel) => canActOn(c.get('user'), channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  const editor = async (
    c: Context<ConsoleEnv>,
    props: { state: FieldState; site?: ShownSite; vacancy?: FieldState; saved?: boolean },
    status: 200 | 400 = 200,
  ) => {
    const chrome = await kit.chrome(c);
    // Photos (and any document) of a saved site, kept by the uploads feature.
    const attachments = props.site && (
      <AttachmentPanel
        ownerKind="site"
        ownerId={props.site.id}
        attachments={await attachmentsOf(db, 'site', props.site.id)}
        token={chrome.token}
        maxBytes={ctx.uploads.maxBytes}
      />
    );
    return kit.page(c, <SiteEditorPage console={chrome} channels={channelsOf(c)} attachments={attachments} {...props} />, status);
  };
  const found = async (c: Context<ConsoleEnv>) => {
    const site = await siteForEditing(db, c.get('user'), idParam(c));
    if (!site) throw notFound(NOT_FOUND);
    return site;
  };

  /** Saves a posted site form; `site` undefined creates. Invalid input is shown again with its problems. */
  const save = async (c: Context<ConsoleEnv>, site: ShownSite | undefined) => {
    const values = await formValues(c);
    const schema = siteSchema(
      channelsOf(c).map((channel) => channel.value),
      chinaDate(new Date()),
    );
    const result = validateForm(schema, values);
    if (!result.ok) return editor(c, { state: { values, errors: result.errors }, ...(site && { site }) }, 400);
    const saved = await saveSite(db, c.get('user'), kit.actor(c), site?.id, result.data);
    if (saved === 'not_found') throw notFound(NOT_FOUND);
    return c.redirect(`/admin/parks/${saved}?saved=1`, 303);
  };

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .get('/', async (c) => {
      const user = c.get('user');
      const [sites, stale] = await Promise.all([consoleSites(db, user), staleSites(db, user)]);
      return kit.page(
        c,
        <SiteListPage console={await kit.chrome(c)} sites={sites} stale={stale} channelName={channelName} deleted={c.req.query('deleted') === '1'} />,
      );
    })
    .get('/new', (c) =>
      editor(c, { state: { values: { kind: 'building', channel: channelsOf(c)[0]?.value ?? '', confirmedOn: chinaDate(new Date()) }, errors: {} } }),
    )
    .post('/', (c) => save(c, undefined))
    .get('/:id', async (c) => {
      const site = await found(c);
      return editor(c, { state: formOf(site), site, saved: c.req.query('saved') === '1' });
    })
    .post('/:id', async (c) => save(c, await found(c)))
    .post('/:id/confirm', async (c) => {
      const site = await found(c);
      const values = await formValues(c);
      const result = validateForm(vacancySchema(site.kind), values);
      if (!result.ok) return editor(c, { state: formOf(site), site, vacancy: { values, errors: result.errors } }, 400);
      const outcome = await confirmVacancy(db, c.get('user'), kit.actor(c), site.id, result.data);
      if (outcome === 'not_found') throw notFound(NOT_FOUND);
      if (outcome === 'too_large') return editor(c, { state: formOf(site), site, vacancy: { values, errors: { vacantM2: '空置面积不能大于总面积。' } } }, 400);
      return c.redirect(`/admin/parks/${site.id}?saved=1`, 303);
    })
    .post('/:id/delete', async (c) => {
      const site = await found(c);
      const ask = await askFirst(c, kit, {
        title: '确认删除载体',
        consequence: `删除后,载体《${site.name}》将从载体库、地图、订阅和开放接口中移除,无法恢复。`,
        confirmLabel: '确认删除',
        back: `/admin/parks/${site.id}`,
      });
      if (ask) return ask;
      if ((await removeSite(db, c.get('user'), kit.actor(c), site.id)) === 'not_found') throw notFound(NOT_FOUND);
      return c.redirect('/admin/parks?deleted=1', 303);
    });
}
