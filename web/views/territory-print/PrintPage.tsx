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
import { useLocale, useT } from '../../i18n/I18n.tsx';
import { creditsLine } from '../../i18n/credits.ts';
import { DistrictSection } from '../common/PeriodSection.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import './territory-print.css';

export function PrintPage() {
  const meta = useMeta();
  const t = useT();
  const locale = useLocale();
  const said = useApiErrors();
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
    ? `${creditsLine(meta.data.credits, t)} · ${meta.data.synthetic ? t('wall.boundariesDemo') : t('wall.boundariesImported')}`
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
  const downloads = id === null ? null : annexDownloads(id, locale);
  return (
    <main className="tprint-page" data-ready={ready ? 'true' : 'false'}>
      <div className="tprint-toolbar" role="toolbar" aria-label={t('tprint.toolbar')}>
        <button type="button" className="primary" onClick={() => window.print()} disabled={!ready} data-testid="print">
          {t('tprint.print')}
        </button>
        {downloads && (
          <>
            <a href={downloads.csv} download>
              {t('tprint.csv')}
            </a>
            <a href={downloads.xlsx} download>
              {t('tprint.xlsx')}
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
            {t('tprint.compare')}
          </a>
        )}
        <a href="/planner" onClick={(e) => (e.preventDefault(), navigate('/planner'))}>
          {t('tprint.back')}
        </a>
        {id !== null && (
          <span className="muted">
            {ready
              ? t('tprint.sheets', {
                  count: sheets.length,
                  unassigned: a.unassigned.length > 0 ? 'yes' : 'no',
                  continued: sheets.length > territories.length ? 'yes' : 'no',
                })
              : t('tprint.preparing')}
          </span>
        )}
      </div>
      {/* No version in the link and no plan in force in the district (or none chosen): the page was blank but for a
          line in the toolbar; the district is chosen here, as on the planner. */}
      {id === null && meta.data && (
        <div className="tprint-choose panel" data-testid="print-choose">
          <DistrictSection meta={meta.data} district={district} />
          <p className="muted">{t('tprint.choose')}</p>
        </div>
      )}
      {error && (
        <div className="error-banner page-error" role="alert">
          {t('tprint.failed', { reason: said.error(error) })}
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
