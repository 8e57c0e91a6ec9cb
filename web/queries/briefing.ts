// Server state of the wall screen: one snapshot of everything its playlist shows, refreshed on a timer. When a refresh
// fails the last good snapshot stays and `staleSince` says since when; the next successful refresh clears it.
import { useEffect, useRef, useState } from 'react';
import type { InferResponseType } from 'hono/client';
import type { FeatureCollection, Geometry } from 'geojson';
import { api, type Api } from '../api.ts';
import { resolvePeriod, type Playlist, type SlideKind } from '../../server/contract/playlists.ts';
import type { MahallaProps } from '../../server/contract/mahallas.ts';
import { previousPeriod, trendWeeks, type Period } from '../../server/shared/period.ts';
import { ok } from './use-query.ts';
import { loadOps, type OpsData, type OpsNeed } from './briefing-ops.ts';

export type Meta = InferResponseType<Api['api']['meta']['$get'], 200>;
export type Metrics = InferResponseType<Api['api']['metrics']['$get'], 200>;
export type Hotspots = InferResponseType<Api['api']['hotspots']['$get'], 200>;
export type Emerging = InferResponseType<Api['api']['emerging']['$get'], 200>;
export type Boundaries = InferResponseType<Api['api']['boundaries']['$get'], 200>;
// GeoJSON crosses JSON, which widens its types; the server built these from typed features.
export type Territories = FeatureCollection<Geometry, MahallaProps>;

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


async function loadPlaylist(id: number | null, signal: AbortSignal): Promise<Playlist> {
  if (id !== null) {
    return ok(await api.api.playlists[':id'].$get({ param: { id: String(id) } }, { init: { signal } }), (r) => r.json());
  }
  const { playlists } = await ok(await api.api.playlists.$get(undefined, { init: { signal } }), (r) => r.json());
  const first = playlists[0];
  if (!first) throw new Error('no playlist is stored: create one on the Briefing page');
  return first;
}

/** Everything the playlist's slides show, fetched in parallel; static layers are reused from the last snapshot. */
export async function loadSnapshot(req: BriefingRequest, last: BriefingSnapshot | null, signal: AbortSignal): Promise<BriefingSnapshot> {
  const init = { init: { signal } };
  const [meta, playlist] = await Promise.all([ok(await api.api.meta.$get(undefined, init), (r) => r.json()), loadPlaylist(req.playlist, signal)]);
  const soato = req.district ?? playlist.district;
  const found = meta.districts.find((d) => d.soato === soato);
  const period = resolvePeriod(req.period ?? playlist.period, meta.period.end) ?? resolvePeriod('7d', meta.period.end);
  if (!period) throw new Error(`the data's last day ${meta.period.end} is not a date`);
  const previous = previousPeriod(period);
  // A trend needs several weeks: twelve, or the whole period when it is longer.
  const trendPeriod = trendWeeks(period, 12);
  const needs = new Set(playlist.slides.flatMap((s) => NEEDS[s.kind]));
  const range = { from: period.from, to: period.to, ...(found ? { district: found.soato } : {}) };
  const when = <T>(need: boolean, load: () => Promise<T>): Promise<T | undefined> => (need ? load() : Promise.resolve(undefined));
  const opsNeeds = new Set([...needs].filter((n): n is OpsNeed => n === 'applications' || n === 'joint_actions' || n === 'coverage'));
  const [boundaries, territories, metrics, hotspots, hotspotsPrevious, emerging, ops] = await Promise.all([
    last ? last.boundaries : ok(await api.api.boundaries.$get(undefined, init), (r) => r.json()),
    when(needs.has('territories'), async () => last?.territories ?? ok(await api.api.mahallas.$get({ query: {} }, init), async (r) => (await r.json()) as Territories)),
    when(needs.has('metrics'), async () => ok(await api.api.metrics.$get({ query: range }, init), (r) => r.json())),
    when(needs.has('hotspots'), async () => ok(await api.api.hotspots.$get({ query: range }, init), (r) => r.json())),
    when(needs.has('hotspots'), async () => ok(await api.api.hotspots.$get({ query: { ...range, ...previous } }, init), (r) => r.json())),
    when(needs.has('emerging'), async () => ok(await api.api.emerging.$get({ query: { ...range, ...trendPeriod, bin: 'week' } }, init), (r) => r.json())),
    loadOps(opsNeeds, period, previous, found?.soato ?? null, signal),
  ]);
  return {
    meta, playlist, district: found ? { soato: found.soato, name: found.name } : null, period, previous, trendPeriod,
    boundaries, territories, metrics, hotspots, hotspotsPrevious, emerging, ops, fetchedAt: Date.now(),
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
 * Loads the snapshot now and then every `refreshMs`; a failure keeps the last good data and marks it stale.
 * Re-keyed (a fresh first load) when the request changes.
 */
export function useLiveSnapshot(req: BriefingRequest, refreshMs: number): LiveSnapshot {
  const [state, setState] = useState<LiveSnapshot>({ data: null, error: null, staleSince: null });
  const last = useRef<BriefingSnapshot | null>(null);
  const key = `${req.playlist}|${req.district}|${req.period}`;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ctrl = new AbortController();
    let alive = true;
    last.current = null;
    const tick = (): void => {
      ctrl = new AbortController();
      loadSnapshot(req, last.current, ctrl.signal).then(
        (data) => {
          if (!alive) return;
          last.current = data;
          setState({ data, error: null, staleSince: null });
          timer = setTimeout(tick, refreshMs);
        },
        (err: unknown) => {
          if (!alive) return;
          const error = err instanceof Error ? err : new Error(String(err));
          setState((s) => ({ data: s.data, error: s.data ? null : error, staleSince: s.data ? (s.staleSince ?? s.data.fetchedAt) : null }));
          timer = setTimeout(tick, Math.min(refreshMs, RETRY_MS));
        },
      );
    };
    tick();
    return () => {
      alive = false;
      ctrl.abort();
      clearTimeout(timer);
    };
    // The key fully identifies the request; `req` is a fresh object every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refreshMs]);
  return state;
}
