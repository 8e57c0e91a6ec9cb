// Territory plan versions: list, copy into a draft, read, save (naming the version read: 409 if stale), delete a draft,
// the workflow (submit, return, approve as the district head's order), the plan in force on a day, the comparison of
// two versions and the exports of the order's annex (JSON for the print page, CSV, XLSX, GeoJSON). Versions of the
// asker's area only; a planner changes only their district's.
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  TerritoryAnnexQuery,
  TerritoryApproveBody,
  TerritoryCreateBody,
  TerritoryDeleteQuery,
  TerritoryDiffQuery,
  TerritoryInForceQuery,
  TerritoryListQuery,
  TerritoryParam,
  TerritoryReplaceBody,
  TerritoryReturnBody,
  TerritorySubmitBody,
  type TerritoryAction,
} from '../contract/territories.ts';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { actorOf, seesDistrict } from '../auth/principal.ts';
import { audited } from '../http/audit.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { addDays, defaultRange, type Period } from '../shared/period.ts';
import { dataPeriod } from '../services/data-period.ts';
import { annexOf, versionGeoJson } from '../services/territories/annex.ts';
import { annexDownload } from '../services/territories/annex-files.ts';
import { ExportLang, exportLangRefusal } from '../services/export/records-file.ts';
import { diffVersions } from '../services/territories/diff.ts';
import { referenceDay } from '../services/territories/in-force.ts';
import { listVersions, versionDetail } from '../services/territories/read.ts';
import { checkContent, plansInForce } from '../services/territories/content.ts';
import {
  createDraft,
  deleteDraft,
  saveDraft,
  takeStep,
  type Outcome,
  type StepInput,
} from '../services/territories/versions.ts';
import type { StoredTerritoryVersion, Versioned } from '../store/types.ts';
import type { RouteDeps } from './deps.ts';
import { areaOf } from './selection.ts';
import { jsonBody, validate } from './validate.ts';
import { notFound, outside, staleIssue } from './refusals.ts';
import { issue, type ApiIssue } from '../contract/issues.ts';

const refused = <E extends string>(error: E, i: ApiIssue) => ({ error, issues: [i] });
/** The issue of a refused outcome, with its code where the refusal has one. */
const refusal = (out: Extract<Outcome, { status: 'refused' }>): ApiIssue => ({
  field: out.field,
  reason: out.reason,
  ...out.issue,
});
const noVersion = (field = 'id') => notFound('version', field, 'no territory version has this id');
const stale = (current: Versioned) => ({
  ...refused(
    'conflict' as const,
    staleIssue(
      current,
      `saved by ${current.updatedBy} at ${current.updatedAt} (now version ${current.version}); your changes are not saved — reload their version, then apply yours again`,
    ),
  ),
  current: { version: current.version, updatedAt: current.updatedAt, updatedBy: current.updatedBy },
});

export const territoryRoutes = ({ db, store, auth, http }: RouteDeps) => {
  const sees = async (c: Context<AppEnv>, district: string): Promise<boolean> => {
    const m = await mahallaColumns(db);
    return seesDistrict(principal(c), district, (id) => m.district[m.index.get(id) ?? -1]);
  };
  /** The version, if it exists and lies in the asker's area. */
  const visible = async (c: Context<AppEnv>, id: number): Promise<StoredTerritoryVersion | 'missing' | 'outside'> => {
    const v = await store.territories.get(id);
    if (!v) return 'missing';
    return (await sees(c, v.district)) ? v : 'outside';
  };
  const asker = (c: Context<AppEnv>) => {
    const caps = principal(c).capabilities;
    return {
      persons: caps.has('persons'),
      write: caps.has('territories.write'),
      approve: caps.has('territories.approve'),
    };
  };
  const show = (c: Context<AppEnv>, v: StoredTerritoryVersion) => versionDetail(db, store, v, asker(c));
  /** The period workload is counted over: the one asked, else the app's default (the last 90 days of data). */
  const figuresPeriod = async (q: { from?: string | undefined; to?: string | undefined }): Promise<Period> =>
    q.from !== undefined && q.to !== undefined
      ? { from: q.from, to: q.to }
      : defaultRange(addDays((await dataPeriod(db)).end, -1));
  /** The answer to a change: the version as the asker now sees it, or why not. */
  const answer = async (c: Context<AppEnv>, out: Outcome) => {
    switch (out.status) {
      case 'missing':
        return c.json(noVersion(), 404);
      case 'stale':
        return c.json(stale(out.current), 409);
      case 'refused':
        return out.code === 400
          ? c.json(refused('invalid_request' as const, refusal(out)), 400)
          : out.code === 403
            ? c.json(refused('forbidden' as const, refusal(out)), 403)
            : c.json(refused('conflict' as const, refusal(out)), 409);
      case 'ok':
        return c.json(await show(c, out.value), 200);
    }
  };
  /** A workflow step on a version of the asker's area; approvals and withdrawals change plans in force. */
  const step = async (c: Context<AppEnv>, id: number, action: TerritoryAction, input: StepInput) => {
    const v = await visible(c, id);
    if (v === 'missing') return c.json(noVersion(), 404);
    if (v === 'outside') return c.json(outside('id'), 403);
    const out = await takeStep(db, store, id, action, input, asker(c).approve, actorOf(principal(c)));
    // An inspector's own area follows the plan in force: signed-in principals are resolved again.
    if (out.status === 'ok' && action !== 'submit') auth.forgetAll();
    return answer(c, out);
  };
  const exported = audited(store, 'territories.export', http.trustProxy);
  /** The order's annex of a version for the asked period, as the asker may see it (JSON, CSV and XLSX alike). */
  const annexFor = async (c: Context<AppEnv>, v: StoredTerritoryVersion, q: Parameters<typeof figuresPeriod>[0]) =>
    annexOf(db, store, v, await figuresPeriod(q), asker(c).persons);
  /** The annex as a file in the language of the link (`lang`, English when absent), as CSV or XLSX. */
  const annexFile = async (
    c: Context<AppEnv>,
    id: number,
    q: Parameters<typeof figuresPeriod>[0],
    kind: 'csv' | 'xlsx',
  ) => {
    const v = await visible(c, id);
    if (v === 'missing') return c.json(noVersion(), 404);
    if (v === 'outside') return c.json(outside('id'), 403);
    const lang = ExportLang.safeParse(c.req.query('lang'));
    if (!lang.success) return c.json(exportLangRefusal, 400);
    const file = annexDownload(await annexFor(c, v, q), kind, lang.data);
    return c.body(file.body, 200, file.headers);
  };
  return new Hono<AppEnv>()
    .get('/territories/versions', can('read'), validate('query', TerritoryListQuery), async (c) => {
      const { districts } = await areaOf(c, db, c.req.valid('query').district);
      return c.json({ versions: await listVersions(db, store, districts) }, 200);
    })
    .post(
      '/territories/versions',
      can('territories.write'),
      jsonBody,
      validate('json', TerritoryCreateBody),
      async (c) => {
        const body = c.req.valid('json');
        if (!(await sees(c, body.district))) return c.json(outside('district'), 403);
        const out = await createDraft(db, store, body, actorOf(principal(c)));
        return out.status === 'ok' ? c.json(await show(c, out.value), 201) : answer(c, out);
      },
    )
    .get('/territories/in-force', can('read'), validate('query', TerritoryInForceQuery), async (c) => {
      const q = c.req.valid('query');
      const { districts } = await areaOf(c, db, q.district);
      const day = q.day ?? (await referenceDay(db));
      const all = districts ?? [...new Set((await mahallaColumns(db)).district)].sort();
      const plans = (await plansInForce(db, store, all, day)).map(({ district, version, content }) => ({
        district,
        versionId: version?.id ?? null,
        number: version?.number ?? null,
        posts: content.posts,
        assignments: content.assignments,
      }));
      return c.json({ day, plans }, 200);
    })
    .get('/territories/diff', can('read'), validate('query', TerritoryDiffQuery), async (c) => {
      const q = c.req.valid('query');
      const [before, after] = await Promise.all([visible(c, q.before), visible(c, q.after)]);
      if (before === 'missing' || after === 'missing')
        return c.json(noVersion(before === 'missing' ? 'before' : 'after'), 404);
      if (before === 'outside' || after === 'outside')
        return c.json(outside(before === 'outside' ? 'before' : 'after'), 403);
      if (before.district !== after.district)
        return c.json(
          refused(
            'invalid_request' as const,
            issue(
              'after',
              'version_other_district',
              `is of district ${after.district}, not ${before.district}: compare versions of one district`,
              { number: after.number, district: after.district, expected: before.district },
            ),
          ),
          400,
        );
      return c.json(await diffVersions(db, store, before, after, await figuresPeriod(q), asker(c).persons), 200);
    })
    .get('/territories/versions/:id', can('read'), validate('param', TerritoryParam), async (c) => {
      const v = await visible(c, c.req.valid('param').id);
      if (v === 'missing') return c.json(noVersion(), 404);
      if (v === 'outside') return c.json(outside('id'), 403);
      return c.json(await show(c, v), 200);
    })
    .put(
      '/territories/versions/:id',
      can('territories.write'),
      validate('param', TerritoryParam),
      jsonBody,
      validate('json', TerritoryReplaceBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const v = await visible(c, id);
        if (v === 'missing') return c.json(noVersion(), 404);
        if (v === 'outside') return c.json(outside('id'), 403);
        const issues = await checkContent(db, v.district, body);
        if (issues.length > 0) return c.json({ error: 'invalid_request' as const, issues }, 400);
        return answer(c, await saveDraft(store, id, body, actorOf(principal(c))));
      },
    )
    .delete(
      '/territories/versions/:id',
      can('territories.write'),
      validate('param', TerritoryParam),
      validate('query', TerritoryDeleteQuery),
      async (c) => {
        const { id } = c.req.valid('param');
        const v = await visible(c, id);
        if (v === 'missing') return c.json(noVersion(), 404);
        if (v === 'outside') return c.json(outside('id'), 403);
        const out = await deleteDraft(store, id, c.req.valid('query').version, actorOf(principal(c)));
        return out.status === 'deleted' ? c.json({ deleted: id }, 200) : answer(c, out);
      },
    )
    .post(
      '/territories/versions/:id/submit',
      can('territories.write'),
      validate('param', TerritoryParam),
      jsonBody,
      validate('json', TerritorySubmitBody),
      async (c) => step(c, c.req.valid('param').id, 'submit', c.req.valid('json')),
    )
    .post(
      '/territories/versions/:id/return',
      can('territories.write', 'territories.approve'),
      validate('param', TerritoryParam),
      jsonBody,
      validate('json', TerritoryReturnBody),
      async (c) => step(c, c.req.valid('param').id, 'return', c.req.valid('json')),
    )
    .post(
      '/territories/versions/:id/approve',
      can('territories.approve'),
      validate('param', TerritoryParam),
      jsonBody,
      validate('json', TerritoryApproveBody),
      async (c) => {
        const { version, reason, ...order } = c.req.valid('json');
        return step(c, c.req.valid('param').id, 'approve', { version, reason, order });
      },
    )
    .get(
      '/territories/versions/:id/annex',
      can('read'),
      validate('param', TerritoryParam),
      validate('query', TerritoryAnnexQuery),
      async (c) => {
        const v = await visible(c, c.req.valid('param').id);
        if (v === 'missing') return c.json(noVersion(), 404);
        if (v === 'outside') return c.json(outside('id'), 403);
        return c.json(await annexFor(c, v, c.req.valid('query')), 200);
      },
    )
    .get(
      '/territories/versions/:id/annex.csv',
      can('read'),
      exported,
      validate('param', TerritoryParam),
      validate('query', TerritoryAnnexQuery),
      (c) => annexFile(c, c.req.valid('param').id, c.req.valid('query'), 'csv'),
    )
    .get(
      '/territories/versions/:id/annex.xlsx',
      can('read'),
      exported,
      validate('param', TerritoryParam),
      validate('query', TerritoryAnnexQuery),
      (c) => annexFile(c, c.req.valid('param').id, c.req.valid('query'), 'xlsx'),
    )
    .get(
      '/territories/versions/:id/territories.geojson',
      can('read'),
      exported,
      validate('param', TerritoryParam),
      async (c) => {
        const v = await visible(c, c.req.valid('param').id);
        if (v === 'missing') return c.json(noVersion(), 404);
        if (v === 'outside') return c.json(outside('id'), 403);
        c.header('content-disposition', `attachment; filename="territories-${v.district}-v${v.number}.geojson"`);
        return c.json(await versionGeoJson(db, v, asker(c).persons), 200);
      },
    );
};
