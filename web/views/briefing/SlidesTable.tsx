// The slides of a playlist as a table: kind, heading, dwell time, order, and a link that shows one slide on the wall.
import { DWELL, SLIDE_KINDS, type Slide, type SlideKind } from '../../../server/contract/playlists.ts';
import { useT } from '../../i18n/I18n.tsx';
import { slideLabel } from '../plans/plan-labels.ts';
import { briefingHref } from './params.ts';

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
};

export function SlidesTable({
  slides,
  playlistId,
  onChange,
}: {
  slides: Slide[];
  playlistId: number;
  onChange: (slides: Slide[]) => void;
}) {
  const t = useT();
  const setSlide = (i: number, patch: Partial<Slide>): void =>
    onChange(slides.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  return (
    <table className="slides-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('playlist.col.slide')}</th>
          <th scope="col">{t('playlist.col.heading')}</th>
          <th scope="col">{t('playlist.col.dwell')}</th>
          <th scope="col" aria-label={t('playlist.col.actions')} />
        </tr>
      </thead>
      <tbody>
        {slides.map((s, i) => (
          <tr key={i} data-testid="slide-row">
            <td>{i + 1}</td>
            <td>
              <select
                aria-label={t('playlist.slideKind', { n: i + 1 })}
                value={s.kind}
                onChange={(e) => setSlide(i, { kind: e.target.value as SlideKind })}
              >
                {SLIDE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {slideLabel(t, k)}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <input
                aria-label={t('playlist.slideHeading', { n: i + 1 })}
                value={s.caption ?? ''}
                maxLength={80}
                placeholder={t('playlist.defaultHeading')}
                onChange={(e) => setSlide(i, { caption: e.target.value || undefined })}
              />
            </td>
            <td>
              <input
                aria-label={t('playlist.slideDwell', { n: i + 1 })}
                data-testid="dwell-input"
                type="number"
                min={DWELL.min}
                max={DWELL.max}
                step={1}
                value={Number.isFinite(s.dwellS) ? s.dwellS : ''}
                onChange={(e) => setSlide(i, { dwellS: e.target.valueAsNumber })}
              />
            </td>
            <td className="row-actions">
              <button
                type="button"
                data-testid="move-up"
                aria-label={t('playlist.moveUp', { n: i + 1 })}
                disabled={i === 0}
                onClick={() => onChange(move(slides, i, i - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('playlist.moveDown', { n: i + 1 })}
                disabled={i === slides.length - 1}
                onClick={() => onChange(move(slides, i, i + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('playlist.removeSlide', { n: i + 1 })}
                disabled={slides.length === 1}
                onClick={() => onChange(slides.filter((_, k) => k !== i))}
              >
                ✕
              </button>
              <a
                href={briefingHref(playlistId, i)}
                target="_blank"
                rel="noreferrer"
                aria-label={t('playlist.showSlide', { n: i + 1 })}
              >
                {t('playlist.show')}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
