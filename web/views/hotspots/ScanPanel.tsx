// The scan's legend entry and its clusters beside the map: the method in one line (what it means folded under it),
// the significant clusters (a click chooses one), and the chosen cluster's mahallas, relative risk, records and p.
import { useState } from 'react';
import type { Scan, ScanCluster } from '../../queries/scan.ts';
import { css } from '../../map/colors.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { SCAN_COLORS } from '../../map/scan-outline.ts';
import { clusterLine, pText, recordsLine, rrText, scanEmpty, scanExplanation, scanMethod } from './scan-text.ts';

const title = (c: ScanCluster, t: Translate): string =>
  c.rank === 1 ? t('scan.mostLikely') : t('scan.cluster', { rank: c.rank });

function Swatch({ direction }: { direction: 'high' | 'low' }) {
  return <span className="scan-swatch" style={{ borderColor: css(SCAN_COLORS[direction]) }} aria-hidden="true" />;
}

export function ScanPanel({
  scan,
  source,
  names,
  district,
  selected,
  select,
}: {
  scan: Scan;
  /** what is counted: 'incidents' or 'applications' */
  source: string;
  /** mahalla id → name */
  names: ReadonlyMap<number, string>;
  district: boolean;
  selected: number | null;
  select: (rank: number | null) => void;
}) {
  const { params } = scan;
  const t = useT();
  const f = useFmt();
  const draws = params.inference.draws;
  const shown = scan.clusters.filter((c) => c.p < params.alpha);
  const chosen = shown.find((c) => c.rank === selected);
  const empty = scanEmpty(scan, source, district, t);
  // Folded at first, so the panel covers little of the map; a cluster chosen on the map unfolds its figures.
  const [open, setOpen] = useState(false);
  return (
    <div className="scan-panel" data-testid="scan-panel">
      <h3>
        <Swatch direction="high" /> {t('scan.title', { kind: params.kind })}
      </h3>
      <p className="note method" data-testid="scan-method">
        {scanMethod(params, source, t)}
      </p>
      <details>
        <summary>{t('scan.whatMeans')}</summary>
        <p className="note">{scanExplanation(params, source, t)}</p>
      </details>
      {empty && (
        <p className="note empty" data-testid="scan-empty">
          {empty}
        </p>
      )}
      {chosen ? (
        <div className="scan-cluster" data-testid="scan-cluster">
          <h4>
            <Swatch direction={chosen.direction} /> {title(chosen, t)}
          </h4>
          <dl>
            {chosen.weeks && (
              <>
                <dt>{t('scan.weeks')}</dt>
                <dd>{f.period(chosen.weeks)}</dd>
              </>
            )}
            <dt>{t('scan.rr')}</dt>
            <dd>
              {rrText(chosen.relativeRisk, t)} {t(chosen.weeks ? 'scan.rrEmerging' : 'scan.rrSpatial', { source })}
            </dd>
            <dt>{t('scan.recordsTitle')}</dt>
            <dd>{recordsLine(chosen, source, t)}</dd>
            <dt>{t('scan.chance')}</dt>
            <dd>
              {t('scan.chanceText', {
                p: pText(chosen.p, draws),
                draws,
                kind: chosen.weeks ? 'emerging' : 'spatial',
              })}
            </dd>
            <dt>{t('scan.circle')}</dt>
            <dd>
              {chosen.ids.length === 1
                ? t('scan.oneMahalla')
                : t('scan.around', {
                    km: f.decimal(chosen.radiusKm, chosen.radiusKm % 1 === 0 ? 0 : 1),
                    centre: names.get(chosen.centre) ?? t('scan.mahallaNumber', { id: chosen.centre }),
                  })}
            </dd>
            <dt>{t('scan.mahallasTitle')}</dt>
            <dd>{chosen.ids.map((id) => names.get(id) ?? `#${id}`).join(', ')}</dd>
          </dl>
          <button type="button" className="link" onClick={() => select(null)}>
            {t('scan.back')}
          </button>
        </div>
      ) : (
        shown.length > 0 && (
          <p className="note">
            {t('scan.shown', { count: shown.length, alpha: params.alpha })}{' '}
            <button type="button" className="link" data-testid="scan-list-toggle" onClick={() => setOpen(!open)}>
              {t(open ? 'scan.hideList' : 'scan.showList')}
            </button>
          </p>
        )
      )}
      {!chosen && open && shown.length > 0 && (
        <ol className="scan-clusters" data-testid="scan-clusters">
          {shown.map((c) => (
            <li key={c.rank}>
              <button type="button" onClick={() => select(c.rank)}>
                <Swatch direction={c.direction} />
                <b>{title(c, t)}</b> {clusterLine(c, draws, t)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
