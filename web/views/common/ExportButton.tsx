// "Save as…" for the map on screen: PNG or PDF of the map with its legend and a caption (period, filters, data
// freshness, attribution), composed in the browser from what is drawn (web/export). Placed inside a page's map area:
// it finds that area's canvas and legend itself.
import { useRef } from 'react';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { creditsLine } from '../../i18n/credits.ts';
import { useMeta } from '../../queries/meta.ts';
import { canvasBytes, composeImage, download, legendLines } from '../../export/compose.ts';
import { pdfWithImage } from '../../export/pdf.ts';
import { exportFileName } from '../../../server/shared/export-name.ts';
import { DownloadMenu } from './DownloadMenu.tsx';
import './DownloadMenu.css';
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

export function ExportButton({ title, what, period, filters, dataTo }: ExportButtonProps) {
  const t = useT();
  const f = useFmt();
  const meta = useMeta();
  const ref = useRef<HTMLSpanElement>(null);
  const save = async (kind: 'png' | 'pdf'): Promise<void> => {
    const area = ref.current?.closest('.map-area');
    const map = area?.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
    if (!area || !map) throw new Error('no map');
    const legend = legendLines(area.querySelector('.legend'));
    // The map's own attribution (the credits and where the data come from) as drawn, in the language in force.
    const attribution =
      area.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ||
      creditsLine(meta.data?.credits ?? [], t);
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
  };
  return (
    <span ref={ref} className="export-anchor">
      <DownloadMenu
        className="export-button"
        testId="export-map"
        label={t('export.button')}
        hint={t('export.menu')}
        items={[
          { label: t('export.png'), testId: 'export-png', save: () => save('png') },
          { label: t('export.pdf'), testId: 'export-pdf', save: () => save('pdf') },
        ]}
      />
    </span>
  );
}
