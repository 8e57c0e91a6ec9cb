// The territory planner: a version of a district's territories on the map, painted mahalla by mahalla with a chosen
// post (or erased, or pinned), with undo/redo that survives a reload, live workload balance per post with the hovered
// stroke's ghost, automatic proposals, the comparison with the plan in force, and the approval workflow.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { UNASSIGNED } from '../../../server/shared/planner/model.ts';
import { useMeta } from '../../queries/meta.ts';
import { can, useSession } from '../../queries/session.ts';
import { useMahallas } from '../../queries/mahallas.ts';
import {
  usePlannerModel,
  useTerritoryDiff,
  useTerritoryVersion,
  useTerritoryVersions,
} from '../../queries/territories.ts';
import { useUi } from '../../state/store.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { bboxOf, type BBox } from '../../map/bbox.ts';
import { DistrictSection } from '../common/PeriodSection.tsx';
import { buildPlannerLayers, PLANNER_LAYER_IDS, type MahallaFeature } from './layers.ts';
import { planFromAssignments } from './plan-model.ts';
import { usePlanState } from './usePlanState.ts';
import { pct, PostList } from './PostList.tsx';
import { ProposalsPanel } from './ProposalsPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { VersionSection } from './VersionSection.tsx';
import './planner.css';

type Tool = 'paint' | 'erase' | 'pin';
type Tab = 'posts' | 'proposals' | 'compare';
const PICK = [PLANNER_LAYER_IDS.fill];
const TOOLS: ReadonlyArray<[Tool, string, string]> = [
  ['paint', 'Paint', 'Click a mahalla to give it to the chosen post'],
  ['erase', 'Erase', 'Click a mahalla to leave it without an inspector'],
  ['pin', 'Pin', 'Click a mahalla to keep it with its post (proposals and strokes leave it)'],
];

export function PlannerPage() {
  const session = useSession();
  const meta = useMeta();
  const district = useUi((s) => s.district);
  const norms = useUi((s) => s.norms);
  const asked = useUi((s) => s.territoryVersion);
  const versions = useTerritoryVersions(district);
  const list = useMemo(() => versions.data?.versions ?? [], [versions.data]);
  const inForceId = list.find((v) => v.phase === 'in_force')?.id ?? null;
  const chosen = list.find((v) => v.id === asked)?.id ?? list.find((v) => v.phase === 'draft')?.id ?? inForceId;
  const detail = useTerritoryVersion(chosen);
  const inForceDetail = useTerritoryVersion(inForceId);
  const json = usePlannerModel(district);
  const mahallas = useMahallas(district);
  const editor = usePlanState(json.data, detail.data?.id === chosen ? detail.data : undefined, norms);
  const [tool, setTool] = useState<Tool>('paint');
  const [paint, setPaint] = useState(0);
  const [hover, setHover] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>('posts');
  const [focus, setFocus] = useState<BBox | null>(null);
  const editable = (detail.data?.editable ?? false) && editor !== null;
  const diff = useTerritoryDiff(tab === 'compare' ? inForceId : null, tab === 'compare' ? chosen : null);

  const inForce = useMemo(
    () =>
      editor && detail.data && inForceDetail.data
        ? planFromAssignments(editor.model, detail.data.posts, inForceDetail.data.assignments)
        : null,
    [editor?.model, detail.data, inForceDetail.data], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // Keyboard undo/redo while the editor is open: Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z (not while typing in a field).
  useEffect(() => {
    if (!editor || !editable) return;
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement | null)?.closest('input, textarea, select')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) editor.undo();
      else if (k === 'y' || (k === 'z' && e.shiftKey)) editor.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, editable]);

  const target = tool === 'erase' ? UNASSIGNED : paint;
  const metrics = useMemo(() => editor?.state.metrics(), [editor, editor?.tick]); // eslint-disable-line react-hooks/exhaustive-deps
  const preview = useMemo(
    () => (editor && editable && hover !== null && tool !== 'pin' ? editor.state.preview([hover], target) : null),
    [editor, editable, hover, tool, target],
  );
  const changed = useMemo(
    () => new Set(tab === 'compare' ? (diff.data?.moves.map((m) => m.mahalla) ?? []) : []),
    [tab, diff.data],
  );
  const layers = useMemo(
    () =>
      editor && mahallas.data
        ? buildPlannerLayers(
            {
              mahallas: mahallas.data,
              model: editor.model,
              plan: editor.state.plan,
              slots: editor.slots,
              pinned: editor.state.pinned,
              changed,
              hover: hover === null ? [] : [hover],
            },
            { paint: tool === 'erase' ? UNASSIGNED : paint, tick: editor.tick * 100_000 + (hover ?? 0) },
          )
        : [],
    [editor, editor?.tick, mahallas.data, changed, hover, tool, paint], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const indexOf = useCallback(
    (object: unknown): number | null => {
      const id = (object as MahallaFeature | null)?.properties?.id;
      return id === undefined ? null : (editor?.model.index.get(id) ?? null);
    },
    [editor],
  );
  const onPick = useCallback(
    (object: unknown) => {
      const m = indexOf(object);
      if (m === null || !editor || !editable) return;
      if (tool === 'pin') editor.pin(m);
      else editor.paint([m], target);
    },
    [indexOf, editor, editable, tool, target],
  );
  const tooltip = useCallback(
    (info: PickingInfo): string | null => {
      const m = indexOf(info.object);
      setHover(m);
      if (m === null || !editor) return null;
      const p = editor.state.plan[m]!;
      const name = (info.object as MahallaFeature).properties.name;
      const who =
        p === UNASSIGNED ? 'No inspector' : (detail.data?.posts[p]?.name ?? `Post ${detail.data?.posts[p]?.id}`);
      return `${name}\n${who}${editor.state.pinned[m] ? ' · pinned' : ''}`;
    },
    [indexOf, editor, detail.data],
  );
  const zoomTo = useCallback(
    (pieces: number[][]) => {
      const ids = new Set(pieces.flat());
      setFocus(bboxOf(mahallas.data?.features.filter((f) => ids.has(f.properties.id)) ?? []));
    },
    [mahallas.data],
  );

  const error = meta.error ?? versions.error ?? detail.error ?? json.error ?? mahallas.error;
  const loading = versions.isFetching || detail.isFetching || json.isFetching || mahallas.isFetching;
  const canWrite = can(session.data, 'territories.write');
  const balance = metrics?.districts[0];
  return (
    <main className="planner-page">
      <aside className="panel" aria-label="Plan and tools">
        {meta.data && <DistrictSection meta={meta.data} district={district} />}
        {!district && <p className="muted">Choose a district: territories are planned one district at a time.</p>}
        {district && meta.data && (
          <VersionSection
            district={district}
            versions={list}
            detail={detail.data}
            editor={editor}
            canWrite={canWrite}
            today={meta.data.period.end}
          />
        )}
        {editor && editable && (
          <section aria-label="Tools">
            <h2>Tools</h2>
            <div className="segmented" role="group" aria-label="Tool">
              {TOOLS.map(([t, label, title]) => (
                <button
                  key={t}
                  type="button"
                  className={tool === t ? 'active' : undefined}
                  title={title}
                  onClick={() => setTool(t)}
                  data-testid={`tool-${t}`}
                >
                  {label}
                </button>
              ))}
            </div>
            <div className="planner-actions">
              <button
                type="button"
                onClick={editor.undo}
                disabled={editor.state.history().done.length === 0}
                title="Undo (Ctrl+Z)"
                data-testid="undo"
              >
                Undo
              </button>
              <button
                type="button"
                onClick={editor.redo}
                disabled={editor.state.history().undone.length === 0}
                title="Redo (Ctrl+Y)"
                data-testid="redo"
              >
                Redo
              </button>
              <span className="muted" data-testid="history">
                {editor.state.history().done.length} step(s)
              </span>
            </div>
            <p className="terr-hint">
              {tool === 'paint'
                ? `Painting with ${detail.data?.posts[paint]?.name ?? 'the chosen post'}: choose another in the list.`
                : tool === 'erase'
                  ? 'A click leaves the mahalla without an inspector.'
                  : 'A click pins the mahalla to its post, or unpins it.'}{' '}
              Painting stays inside the district; locked territories and pinned mahallas do not change.
            </p>
          </section>
        )}
        {metrics && balance && (
          <section aria-label="Balance of the plan" data-testid="plan-balance">
            <h2>Balance</h2>
            <dl className="planner-facts">
              <dt title="The heaviest post's deviation from the mean workload of the district">Largest deviation</dt>
              <dd>{pct(metrics.maxAbsDeviation)}</dd>
              <dt title="(heaviest − lightest) ÷ ideal">Heaviest to lightest</dt>
              <dd>{Math.round(metrics.topToBottom * 100)} %</dd>
              <dt>Mahallas without an inspector</dt>
              <dd className={metrics.unassigned.length > 0 ? 'warn' : undefined} data-testid="unassigned-count">
                {metrics.unassigned.length}
              </dd>
              <dt>Territories in pieces</dt>
              <dd className={metrics.noncontiguous.length > 0 ? 'warn' : undefined}>{metrics.noncontiguous.length}</dd>
              <dt title="Borders between mahallas of different territories: fewer means more compact territories">
                Cut edges
              </dt>
              <dd>{metrics.cutEdges}</dd>
              <dt>Over a norm</dt>
              <dd className={metrics.overloaded > 0 ? 'warn' : undefined}>{metrics.overloaded}</dd>
            </dl>
          </section>
        )}
      </aside>
      <section
        className="map-area planner-map"
        aria-label="Map"
        data-loading={loading ? 'true' : 'false'}
        onMouseLeave={() => setHover(null)}
      >
        <BaseMap layers={layers} pickLayerIds={PICK} onPick={onPick} tooltip={tooltip} focus={focus} />
        {loading && (
          <div className="busy" role="status">
            Updating…
          </div>
        )}
        {error && (
          <div className="error-banner" role="alert">
            Could not load data: {error.message}
          </div>
        )}
      </section>
      <aside className="panel planner-side" aria-label="Posts, proposals and comparison">
        <div className="segmented planner-tabs" role="tablist">
          {(['posts', 'proposals', 'compare'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={tab === t ? 'active' : undefined}
              onClick={() => setTab(t)}
              data-testid={`tab-${t}`}
            >
              {t === 'posts' ? 'Posts' : t === 'proposals' ? 'Proposals' : 'Compare'}
            </button>
          ))}
        </div>
        {editor && metrics && detail.data && tab === 'posts' && (
          <>
            <p className="terr-hint">
              Bars: workload (residents, incidents, applications, joint actions, area and distance together); the line
              marks the ideal, the district's mean{balance ? '' : ''}. Hover a mahalla to see a stroke's effect.
            </p>
            <PostList
              metrics={metrics}
              posts={detail.data.posts}
              slots={editor.slots}
              locked={editor.state.locked}
              paint={tool === 'erase' ? UNASSIGNED : paint}
              preview={preview}
              onPaint={(p) => (setPaint(p), setTool('paint'))}
              onLock={editor.lock}
              onPieces={zoomTo}
            />
          </>
        )}
        {editor && tab === 'proposals' && inForce && (
          <ProposalsPanel editor={editor} inForce={inForce} canEdit={editable} />
        )}
        {tab === 'compare' &&
          (inForceId === null ? (
            <p className="muted">No plan is in force in this district.</p>
          ) : (
            <ComparePanel diff={diff.data} dirty={editor?.dirty ?? false} />
          ))}
      </aside>
    </main>
  );
}
