// Edits one playlist: name, district, period, and the slides (kind, caption, dwell time, order). Checked with the
// same contract the server applies, so Save is only offered for something the server will take. A save names the
// version it started from: if someone saved in between, the server says who and when, and the edits stay here. A
// role that may not change playlists sees the same form, read only.
import { useMemo, useState } from 'react';
import {
  DWELL,
  PlaylistInput,
  SLIDE_KINDS,
  SLIDE_LABELS,
  type Playlist,
  type Slide,
  type SlideKind,
} from '../../../server/contract/playlists.ts';
import type { Meta } from '../../queries/meta.ts';
import { ApiError } from '../../queries/client.ts';
import { useDeletePlaylist, useSavePlaylist } from '../../queries/playlists.ts';
import { briefingHref } from './params.ts';

type Draft = Pick<Playlist, 'name' | 'district' | 'period' | 'slides'>;
const draftOf = (p: Playlist): Draft => ({ name: p.name, district: p.district, period: p.period, slides: p.slides });

const PERIODS: Array<[string, string]> = [
  ['7d', 'Last 7 days'],
  ['14d', 'Last 14 days'],
  ['4w', 'Last 4 weeks'],
  ['12w', 'Last 12 weeks'],
];

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
};

export function PlaylistEditor({
  playlist,
  meta,
  onDeleted,
  canWrite,
}: {
  playlist: Playlist;
  meta: Meta | undefined;
  onDeleted: () => void;
  canWrite: boolean;
}) {
  // The playlist as stored (as opened, then as the last save returned it): the editor stays open across its own saves,
  // so the save's status stays on screen while the list reloads.
  const [stored, setStored] = useState<Draft>(() => draftOf(playlist));
  const [draft, setDraft] = useState<Draft>(stored);
  const [version, setVersion] = useState(playlist.version);
  const [status, setStatus] = useState<string>('');
  const [addKind, setAddKind] = useState<SlideKind>('hotspots');
  const saving = useSavePlaylist();
  const deleting = useDeletePlaylist();
  const check = useMemo(() => PlaylistInput.safeParse(draft), [draft]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);
  const setSlide = (i: number, patch: Partial<Slide>): void =>
    setDraft((d) => ({ ...d, slides: d.slides.map((s, k) => (k === i ? { ...s, ...patch } : s)) }));
  const total = draft.slides.reduce((s, x) => s + (Number.isFinite(x.dwellS) ? x.dwellS : 0), 0);

  const save = async (): Promise<void> => {
    setStatus('Saving…');
    try {
      const saved = await saving.mutateAsync({ id: playlist.id, version, input: draft });
      setStored(draftOf(saved));
      setDraft(draftOf(saved));
      setVersion(saved.version);
      setStatus('Saved. The wall screen picks it up at its next refresh.');
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setStatus(
        stale
          ? `Not saved: ${e.message.replace(/^409 version: /, '')} Your changes are still here.`
          : `Not saved: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  const remove = async (): Promise<void> => {
    try {
      await deleting.mutateAsync({ id: playlist.id, version });
      onDeleted();
    } catch (e) {
      setStatus(`Not deleted: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <form
      className="playlist-editor"
      data-testid="playlist-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={!canWrite} className="editor-fields">
        <div className="fields">
          <label>
            Name
            <input
              data-testid="playlist-name"
              value={draft.name}
              maxLength={80}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>
          <label>
            District
            <select
              value={draft.district ?? ''}
              onChange={(e) => setDraft({ ...draft, district: e.target.value || null })}
            >
              <option value="">All districts</option>
              {meta?.districts.map((d) => (
                <option key={d.soato} value={d.soato}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Period
            <select
              value={PERIODS.some(([v]) => v === draft.period) ? draft.period : 'custom'}
              onChange={(e) =>
                setDraft({ ...draft, period: e.target.value === 'custom' ? draft.period : e.target.value })
              }
            >
              {PERIODS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
              {!PERIODS.some(([v]) => v === draft.period) && <option value="custom">{draft.period}</option>}
            </select>
          </label>
        </div>
        <table className="slides-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Slide</th>
              <th>Heading (optional)</th>
              <th>Dwell, s</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.slides.map((s, i) => (
              <tr key={i} data-testid="slide-row">
                <td>{i + 1}</td>
                <td>
                  <select
                    aria-label={`Slide ${i + 1} kind`}
                    value={s.kind}
                    onChange={(e) => setSlide(i, { kind: e.target.value as SlideKind })}
                  >
                    {SLIDE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {SLIDE_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Slide ${i + 1} heading`}
                    value={s.caption ?? ''}
                    maxLength={80}
                    placeholder="default heading"
                    onChange={(e) => setSlide(i, { caption: e.target.value || undefined })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Slide ${i + 1} dwell`}
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
                    aria-label={`Move slide ${i + 1} up`}
                    disabled={i === 0}
                    onClick={() => setDraft({ ...draft, slides: move(draft.slides, i, i - 1) })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move slide ${i + 1} down`}
                    disabled={i === draft.slides.length - 1}
                    onClick={() => setDraft({ ...draft, slides: move(draft.slides, i, i + 1) })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove slide ${i + 1}`}
                    disabled={draft.slides.length === 1}
                    onClick={() => setDraft({ ...draft, slides: draft.slides.filter((_, k) => k !== i) })}
                  >
                    ✕
                  </button>
                  <a href={briefingHref(playlist.id, i)} target="_blank" rel="noreferrer">
                    show
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="add-slide">
          <select
            aria-label="Kind of slide to add"
            data-testid="add-kind"
            value={addKind}
            onChange={(e) => setAddKind(e.target.value as SlideKind)}
          >
            {SLIDE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SLIDE_LABELS[k]}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="add-slide"
            disabled={draft.slides.length >= 30}
            onClick={() => setDraft({ ...draft, slides: [...draft.slides, { kind: addKind, dwellS: DWELL.default }] })}
          >
            Add slide
          </button>
          <span className="muted">
            {draft.slides.length} slides · one round takes {Math.floor(total / 60)} min {total % 60} s
          </span>
        </div>
      </fieldset>
      {!check.success && (
        <ul className="issues" role="alert">
          {check.error.issues.map((i, k) => (
            <li key={k}>
              {i.path.join(' › ')}: {i.message}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {canWrite && (
          <button type="submit" className="primary" data-testid="save" disabled={!dirty || !check.success}>
            Save
          </button>
        )}
        <a
          className="wall-link"
          data-testid="wall-link"
          href={briefingHref(playlist.id)}
          target="_blank"
          rel="noreferrer"
        >
          Open on the wall screen ↗
        </a>
        {canWrite && (
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete playlist
          </button>
        )}
        {!canWrite && <span className="muted">Your role may show playlists on the wall, not change them.</span>}
        <span role="status" data-testid="save-status">
          {status}
        </span>
      </div>
    </form>
  );
}
