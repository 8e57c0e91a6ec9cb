// Edits one playlist: name, district, period, and the slides (kind, caption, dwell time, order). Checked with the
// same contract the server applies, so Save is only offered for something the server will take. A save names the
// version it started from: if someone saved in between, the server says who and when, and the edits stay here. A
// role that may not change playlists sees the same form, read only. Deleting asks first; leaving with unsaved edits
// (another playlist, another page, closing the tab) asks too.
import { useMemo, useRef, useState } from 'react';
import {
  DWELL,
  PlaylistInput,
  SLIDE_KINDS,
  type Playlist,
  type SlideKind,
} from '../../../server/contract/playlists.ts';
import type { Meta } from '../../queries/meta.ts';
import { ApiError } from '../../queries/client.ts';
import { useDeletePlaylist, useSavePlaylist } from '../../queries/playlists.ts';
import { briefingHref } from './params.ts';
import { useByName, useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { useLeaveGuard } from '../common/leave-guard.tsx';
import { slideLabel } from '../plans/plan-labels.ts';
import { SlidesTable } from './SlidesTable.tsx';
import { shownName, typedName, useSayName } from '../../i18n/system-names.ts';

type Draft = Pick<Playlist, 'name' | 'district' | 'period' | 'slides'>;
const draftOf = (p: Playlist): Draft => ({ name: p.name, district: p.district, period: p.period, slides: p.slides });

const PERIODS: Array<[string, MessageId]> = [
  ['7d', 'playlist.period.7d'],
  ['14d', 'playlist.period.14d'],
  ['4w', 'playlist.period.4w'],
  ['12w', 'playlist.period.12w'],
];

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
  const t = useT();
  const said = useApiErrors();
  const nameOf = useNameOf();
  const byName = useByName();
  const say = useSayName();
  const [stored, setStored] = useState<Draft>(() => draftOf(playlist));
  const [draft, setDraft] = useState<Draft>(stored);
  const [version, setVersion] = useState(playlist.version);
  const [status, setStatus] = useState<string>('');
  const [addKind, setAddKind] = useState<SlideKind>('hotspots');
  const saving = useSavePlaylist();
  const deleting = useDeletePlaylist();
  const check = useMemo(() => PlaylistInput.safeParse(draft), [draft]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);
  const [asking, setAsking] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const guard = useLeaveGuard(dirty && canWrite && !saving.isPending, form);
  const total = draft.slides.reduce((s, x) => s + (Number.isFinite(x.dwellS) ? x.dwellS : 0), 0);

  const save = async (): Promise<void> => {
    setStatus(t('playlist.saving'));
    try {
      const saved = await saving.mutateAsync({ id: playlist.id, version, input: draft });
      setStored(draftOf(saved));
      setDraft(draftOf(saved));
      setVersion(saved.version);
      setStatus(t('playlist.saved'));
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setStatus(
        stale ? t('playlist.stale', { reason: said.error(e) }) : t('playlist.notSaved', { reason: said.error(e) }),
      );
    }
  };
  const remove = async (): Promise<void> => {
    setAsking(false);
    try {
      await deleting.mutateAsync({ id: playlist.id, version });
      onDeleted();
    } catch (e) {
      setStatus(t('playlist.notDeleted', { reason: said.error(e) }));
    }
  };

  return (
    <form
      ref={form}
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
            {t('playlist.name')}
            <input
              data-testid="playlist-name"
              value={shownName(stored.name, draft.name, say)}
              maxLength={80}
              onChange={(e) => setDraft({ ...draft, name: typedName(stored.name, e.target.value, say) })}
            />
          </label>
          <label>
            {t('playlist.district')}
            <select
              value={draft.district ?? ''}
              onChange={(e) => setDraft({ ...draft, district: e.target.value || null })}
            >
              <option value="">{t('playlist.allDistricts')}</option>
              {byName(meta?.districts ?? [], (d) => nameOf(d.name)).map((d) => (
                <option key={d.soato} value={d.soato}>
                  {nameOf(d.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('playlist.period')}
            <select
              value={PERIODS.some(([v]) => v === draft.period) ? draft.period : 'custom'}
              onChange={(e) =>
                setDraft({ ...draft, period: e.target.value === 'custom' ? draft.period : e.target.value })
              }
            >
              {PERIODS.map(([v, label]) => (
                <option key={v} value={v}>
                  {t(label)}
                </option>
              ))}
              {!PERIODS.some(([v]) => v === draft.period) && <option value="custom">{draft.period}</option>}
            </select>
          </label>
        </div>
        <SlidesTable
          slides={draft.slides}
          playlistId={playlist.id}
          onChange={(slides) => setDraft((d) => ({ ...d, slides }))}
        />
        <div className="add-slide">
          <select
            aria-label={t('playlist.addKind')}
            data-testid="add-kind"
            value={addKind}
            onChange={(e) => setAddKind(e.target.value as SlideKind)}
          >
            {SLIDE_KINDS.map((k) => (
              <option key={k} value={k}>
                {slideLabel(t, k)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn"
            data-testid="add-slide"
            disabled={draft.slides.length >= 30}
            onClick={() => setDraft({ ...draft, slides: [...draft.slides, { kind: addKind, dwellS: DWELL.default }] })}
          >
            {t('playlist.addSlide')}
          </button>
          <span className="muted">
            {t('playlist.round', { count: draft.slides.length, min: Math.floor(total / 60), s: total % 60 })}
          </span>
        </div>
      </fieldset>
      {!check.success && (
        <ul className="issues" role="alert">
          {check.error.issues.map((i, k) => (
            <li key={k}>
              {i.path.join(' › ')}: {said.zod(i, draft)}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {canWrite && (
          <button type="submit" className="btn primary" data-testid="save" disabled={!dirty || !check.success}>
            {t('playlist.save')}
          </button>
        )}
        <a
          className="wall-link"
          data-testid="wall-link"
          href={briefingHref(playlist.id)}
          target="_blank"
          rel="noreferrer"
        >
          {t('playlist.openWall')}
        </a>
        {canWrite && (
          <button type="button" className="btn danger" data-testid="playlist-delete" onClick={() => setAsking(true)}>
            {t('playlist.delete')}
          </button>
        )}
        {!canWrite && <span className="muted">{t('playlist.readOnly')}</span>}
        <span role="status" data-testid="save-status">
          {status}
        </span>
      </div>
      {asking && (
        <ConfirmDialog
          title={t('playlist.deleteDialog.title', { name: say(stored.name) })}
          confirmLabel={t('playlist.deleteDialog.confirm')}
          cancelLabel={t('playlist.deleteDialog.keep')}
          danger
          testId="playlist-confirm"
          onCancel={() => setAsking(false)}
          onConfirm={() => void remove()}
        >
          <p>{t('playlist.deleteDialog.body')}</p>
        </ConfirmDialog>
      )}
      {guard.dialog}
    </form>
  );
}
