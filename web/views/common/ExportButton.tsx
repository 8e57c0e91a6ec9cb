// "Save as…" for the map on screen: PNG or PDF of the map with its legend and a caption (period, filters, data
// freshness, attribution), composed in the browser from what is drawn (web/export). Placed inside a page's map area:
// it finds that area's canvas and legend itself.
import { useRef, useState } from 'react';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { canvasBytes, composeImage, download, legendLines } from '../../export/compose.ts';
import { pdfWithImage } from '../../export/pdf.ts';
import { exportFileName } from '../../../server/shared/export-name.ts';
import './ExportButton.css';

export interface ExportButtonProps {
  /** the heading of the export, e.g. "Incidents — Chilonzor tumani" */
  title: string;
  /** words of the file name after "hamkor": what and where, e.g. ['incidents', 'Chilonzor'] */
  what: string[];
  period: { from: string; to: string };
  /** the filters in force, in words */
  filters: string;
  /** the last day of data */
  dataTo: string;
}

const ATTRIBUTION = '© OpenStreetMap contributors (ODbL); OCHA ROCCA COD-AB (CC BY 3.0 IGO)';

export function ExportButton({ title, what, period, filters, dataTo }: ExportButtonProps) {
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'png' | 'pdf'): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const area = ref.current?.closest('.map-area');
      const map = area?.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
      if (!area || !map) throw new Error('no map');
      const legend = legendLines(area.querySelector('.legend'));
      const attribution = area.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() || ATTRIBUTION;
      const caption = [
        title,
        t('export.caption.period', { period: f.period(period) }),
        ...(filters ? [t('export.caption.filters', { filters })] : []),
        `${t('export.caption.data', { day: f.day(dataTo) })} · ${t('export.caption.made', { day: f.day(new Date().toISOString().slice(0, 10)) })}`,
        attribution,
      ];
      const image = composeImage({ map, legend, caption });
      const name = exportFileName(['map', ...what], period, kind);
      if (kind === 'png') download(await canvasBytes(image, 'image/png'), name, 'image/png');
      else {
        const pdf = pdfWithImage({
          jpeg: await canvasBytes(image, 'image/jpeg'),
          width: image.width,
          height: image.height,
          title,
          subject: [...caption.slice(1), ...legend.map((l) => l.text)].join(' · '),
          keywords: ['Hamkor', ...what].join(', '),
        });
        download(pdf, name, 'application/pdf');
      }
    } catch (e) {
      setError(t('export.failed', { reason: said.error(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-button" ref={ref} data-testid="export-map">
      <details>
        <summary title={t('export.menu')}>{busy ? t('export.working') : t('export.button')}</summary>
        <div className="export-menu" role="group" aria-label={t('export.menu')}>
          <button type="button" data-testid="export-png" disabled={busy} onClick={() => void save('png')}>
            {t('export.png')}
          </button>
          <button type="button" data-testid="export-pdf" disabled={busy} onClick={() => void save('pdf')}>
            {t('export.pdf')}
          </button>
        </div>
      </details>
      {error && (
        <p role="alert" className="export-error">
          {error}
        </p>
      )}
    </div>
  );
}
