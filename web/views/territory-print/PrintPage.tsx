// The territory plan as the printed annex of the district head's order: one A4 sheet per territory (map + table), a
// Print button (the browser's print dialog; print CSS drops the app's chrome), and the same annex as CSV and XLSX.
// The version rides in the link (tv); absent, the district's plan in force.
import { useMemo } from 'react';
import { useMeta } from '../../queries/meta.ts';
import { useMahallas } from '../../queries/mahallas.ts';
import { annexDownloads, useTerritoryAnnex, useTerritoryVersions } from '../../queries/territories.ts';
import { update, useUi } from '../../state/store.ts';
import { navigate } from '../../state/route.ts';
import { PrintSheet } from './PrintSheet.tsx';
import { sheetsOf } from './sheets.ts';
import './territory-print.css';

export function PrintPage() {
  const meta = useMeta();
  const asked = useUi((s) => s.territoryVersion);
  const district = useUi((s) => s.district);
  const versions = useTerritoryVersions(asked === null ? district : null);
  const id = asked ?? versions.data?.versions.find((v) => v.phase === 'in_force')?.id ?? null;
  const annex = useTerritoryAnnex(id);
  const mahallas = useMahallas(annex.data?.version.district ?? null);
  const features = useMemo(
    () => (mahallas.data?.features ?? []).map((f) => ({ id: f.properties.id, geometry: f.geometry })),
    [mahallas.data],
  );
  const attribution = meta.data
    ? `${meta.data.attribution} · ${meta.data.synthetic ? 'Mahalla boundaries and records: demo (synthetic)' : 'Mahalla boundaries: imported'}`
    : '';
  const a = annex.data;
  type Post = NonNullable<typeof a>['posts'][number];
  const territories: Array<{ post: Post | null; list: ReadonlyArray<Omit<Post['mahallas'][number], 'index'>> }> = a
    ? a.posts.map((p) => ({ post: p, list: p.mahallas }))
    : [];
  if (a && a.unassigned.length > 0) territories.push({ post: null, list: a.unassigned });
  const sheets = sheetsOf(territories);
  const error = meta.error ?? annex.error ?? mahallas.error ?? versions.error;
  const ready = !!a && !!mahallas.data && !!meta.data;
  const downloads = id === null ? null : annexDownloads(id);
  return (
    <main className="tprint-page" data-ready={ready ? 'true' : 'false'}>
      <div className="tprint-toolbar" role="toolbar" aria-label="Annex">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!ready} data-testid="print">
          Print
        </button>
        {downloads && (
          <>
            <a href={downloads.csv} download>
              Table as CSV
            </a>
            <a href={downloads.xlsx} download>
              Table as Excel (XLSX)
            </a>
          </>
        )}
        {id !== null && (
          <a
            href={`/territories/diff?vb=${id}`}
            onClick={(e) => {
              e.preventDefault();
              update({ diffAfter: id, district: a?.version.district ?? district });
              navigate('/territories/diff');
            }}
          >
            Compare with another version
          </a>
        )}
        <a href="/planner" onClick={(e) => (e.preventDefault(), navigate('/planner'))}>
          Back to the planner
        </a>
        <span className="muted">
          {ready
            ? `${sheets.length} A4 sheets: one per territory${a.unassigned.length > 0 ? ', and one of the mahallas without an inspector' : ''}${sheets.length > territories.length ? '; long lists continue on a further sheet' : ''}`
            : id === null
              ? 'Choose a district with a plan in force, or open this page from the planner.'
              : 'Preparing the sheets…'}
        </span>
      </div>
      {error && (
        <div className="error-banner page-error" role="alert">
          Could not load the annex: {error.message}
        </div>
      )}
      {ready &&
        sheets.map((s, k) => (
          <PrintSheet
            key={`${s.post?.post ?? 'unassigned'}-${s.from}`}
            annex={a}
            post={s.post}
            rows={s.rows}
            mahallas={s.all}
            from={s.from}
            continued={s.continued}
            last={s.last}
            features={features}
            attribution={attribution}
            page={k + 1}
            pages={sheets.length}
          />
        ))}
    </main>
  );
}
