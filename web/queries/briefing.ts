// Server state of the wall screen: one snapshot of everything its playlist shows, refreshed on a timer. When a refresh
// fails the last good snapshot stays and `staleSince` says since when; the next successful refresh clears it.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { resolvePeriod, type Playlist, type SlideKind } from '../../server/contract/playlists.ts';
import { previousPeriod, trendWeeks, type Period } from '../../server/shared/period.ts';
import { ok, type Init } from './client.ts';
import { loadOps, type OpsData, type OpsNeed } from './briefing-ops.ts';
import { metaQuery, type Meta } from './meta.ts';
import { boundariesQuery, mahallaIndexQuery, type Boundaries, type MahallaIndex } from './mahallas.ts';
import type { Emerging, Hotspots, Metrics } from './hotspots.ts';

export type { Boundaries, Emerging, Hotspots, Meta, Metrics };
/** The mahallas a slide names and labels: the index (centroids, names); the map draws the shapes from the tiles. */
export type Territories = MahallaIndex;

export interface BriefingSnapshot {
  meta: Meta;
  playlist: Playlist;
  district: { soato: string; name: string } | null;
  period: Period;
  previous: Period;
  /** Whole weeks ending with the period (at least 12), over which emerging trends are judged. */
  trendPeriod: Period;
  boundaries: Boundaries;
  territories?: Territories;
  metrics?: Metrics;
  hotspots?: Hotspots;
  hotspotsPrevious?: Hotspots;
  emerging?: Emerging;
  /** applications, joint actions and plans, coverage gaps (for the slides that show them) */
  ops: OpsData;
  /** when this snapshot arrived (ms since epoch) */
  fetchedAt: number;
}

export interface BriefingRequest {
  playlist: number | null;
  district: string | null;
  period: string | null;
}

/** Which data each slide kind needs (the loader fetches only what the playlist shows). */
const NEEDS: Record<SlideKind, ReadonlyArray<'territories' | 'metrics' | 'hotspots' | 'emerging' | OpsNeed>> = {
  title: ['metrics', 'hotspots'],
  hotspots: ['territories', 'metrics', 'hotspots'],
  top_mahallas: ['territories', 'metrics', 'emerging'],
  applications: ['applications'],
  joint_actions: ['joint_actions', 'territories'],
  coverage: ['coverage', 'territories'],
};

async function loadPlaylist(id: number | null, init: Init): Promise<Playlist> {
  if (id !== null) {
    return ok(await api.api.playlists[':id'].$get({ param: { id: String(id) } }, init), (r) => r.json());
  }
  const { playlists } = await ok(await api.api.playlists.$get(undefined, init), (r) => r.json());
  const first = playlists[0];
  if (!first) throw new Error('no playlist is stored: create one on the Briefing page');
  return first;
}

/**
 * Everything the playlist's slides show, fetched in parallel. The playlist and the figures are asked afresh each time;
 * what never changes while a server runs (meta, boundaries, the mahalla index) comes from the shared cache, fetched once.
 */
export async function loadSnapshot(client: QueryClient, req: BriefingRequest, init: Init): Promise<BriefingSnapshot> {
  const [meta, playlist] = await Promise.all([client.fetchQuery(metaQuery), loadPlaylist(req.playlist, init)]);
  const soato = req.district ?? playlist.district;
  const found = meta.districts.find((d) => d.soato === soato);
  const period = resolvePeriod(req.period ?? playlist.period, meta.period.end) ?? resolvePeriod('7d', meta.period.end);
  if (!period) throw new Error(`the data's last day ${meta.period.end} is not a date`);
  const previous = previousPeriod(period);
  // A trend needs several weeks: twelve, or the whole period when it is longer.
  const trendPeriod = trendWeeks(period, 12);
  const needs = new Set(playlist.slides.flatMap((s) => NEEDS[s.kind]));
  const range = { from: period.from, to: period.to, ...(found ? { district: found.soato } : {}) };
  const when = <T>(need: boolean, load: () => Promise<T>): Promise<T | undefined> =>
    need ? load() : Promise.resolve(undefined);
  const opsNeeds = new Set(
    [...needs].filter((n): n is OpsNeed => n === 'applications' || n === 'joint_actions' || n === 'coverage'),
  );
  const [boundaries, territories, metrics, hotspots, hotspotsPrevious, emerging, ops] = await Promise.all([
    client.fetchQuery(boundariesQuery),
    // Every mahalla's name and centroid (no shapes: the map draws them from the tiles, neighbours as context).
    when(needs.has('territories'), () => client.fetchQuery(mahallaIndexQuery)),
    when(needs.has('metrics'), async () => ok(await api.api.metrics.$get({ query: range }, init), (r) => r.json())),
    when(needs.has('hotspots'), async () => ok(await api.api.hotspots.$get({ query: range }, init), (r) => r.json())),
    when(needs.has('hotspots'), async () =>
      ok(await api.api.hotspots.$get({ query: { ...range, ...previous } }, init), (r) => r.json()),
    ),
    when(needs.has('emerging'), async () =>
      ok(await api.api.emerging.$get({ query: { ...range, ...trendPeriod, bin: 'week' } }, init), (r) => r.json()),
    ),
    loadOps(opsNeeds, period, previous, found?.soato ?? null, init),
  ]);
  return {
    meta,
    playlist,
    district: found ? { soato: found.soato, name: found.name } : null,
    period,
    previous,
    trendPeriod,
    boundaries,
    territories,
    metrics,
    hotspots,
    hotspotsPrevious,
    emerging,
    ops,
    fetchedAt: Date.now(),
  };
}

export interface LiveSnapshot {
  data: BriefingSnapshot | null;
  /** the failure when there is no snapshot to show at all */
  error: Error | null;
  /** ms since epoch of the last good snapshot, while refreshes fail; null when fresh */
  staleSince: number | null;
}

/** While stale, retry this often (or at the refresh interval if that is shorter), so the wall recovers quickly. */
const RETRY_MS = 10_000;

/**
 * Loads the snapshot now and then every `refreshMs` (timed from the last answer); a failure keeps the last good data
 * and marks it stale, and the next success clears that. A new request is a new query (a fresh first load).
 */
export function useLiveSnapshot(req: BriefingRequest, refreshMs: number): LiveSnapshot {
  const client = useQueryClient();
  const { playlist, district, period } = req;
  const q = useQuery({
    queryKey: ['briefing', { playlist, district, period }],
    queryFn: ({ signal }) => loadSnapshot(client, { playlist, district, period }, { init: { signal } }),
    // Each refresh is a new snapshot: nothing to keep fresh in between, and failed refreshes are what the interval
    // repeats (the query keeps its last data on error, which is what the wall shows with the stale badge).
    staleTime: 0,
    refetchInterval: (query) => (query.state.status === 'error' ? Math.min(refreshMs, RETRY_MS) : refreshMs),
    // A wall screen is often a background tab or an unfocused kiosk window: it refreshes regardless.
    refetchIntervalInBackground: true,
  });
  const data = q.data ?? null;
  return { data, error: data ? null : q.error, staleSince: data && q.isRefetchError ? data.fetchedAt : null };
}
