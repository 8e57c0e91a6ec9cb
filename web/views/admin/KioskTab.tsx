// Wall-screen links: a kiosk token opens one playlist on a wall screen without an account. The link is shown once,
// when it is made (only the token's hash is kept); revoking it ends the screens that use it.
import { useState, type FormEvent } from 'react';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import {
  issuesOf,
  useCreateKioskToken,
  useKioskTokens,
  useRevokeKioskToken,
  type KioskToken,
  type NewKioskToken,
} from '../../queries/admin.ts';
import { usePlaylists } from '../../queries/playlists.ts';
import { Field, OtherIssues, type Issues } from './Fields.tsx';
import { TableDownload } from '../common/TableDownload.tsx';
import { useSayName } from '../../i18n/system-names.ts';

export function KioskTab() {
  const tokens = useKioskTokens();
  const list = usePlaylists();
  const playlists = list.data?.playlists ?? [];
  const [made, setMade] = useState<NewKioskToken | null>(null);
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  const say = useSayName();
  const nameOf = (id: number): string => {
    const p = playlists.find((x) => x.id === id);
    return p ? say(p.name) : t('admin.kiosk.playlistNumber', { id: String(id) });
  };
  return (
    <div className="admin-split">
      <section className="admin-main" aria-labelledby="kiosk-title">
        {tokens.data && tokens.data.length > 0 && (
          <TableDownload title={t('admin.kiosk.title')} what={['kiosk-links']} table="[data-testid=kiosk-table]" />
        )}
        <h2 id="kiosk-title">{t('admin.kiosk.title')}</h2>
        <p className="admin-hint">{t('admin.kiosk.hint')}</p>
        {/* Once its link is revoked, the one-time panel has nothing left worth copying. */}
        {made && !tokens.data?.some((t) => t.id === made.id && t.revokedAt) && (
          <NewLink made={made} onDismiss={() => setMade(null)} />
        )}
        {tokens.error && (
          <p className="admin-issues" role="alert">
            {t('admin.kiosk.failedLinks', { reason: said.error(tokens.error) })}
          </p>
        )}
        {list.error && (
          <p className="admin-issues" role="alert">
            {t('admin.kiosk.failedPlaylists', { reason: said.error(list.error) })}
          </p>
        )}
        {tokens.data?.length === 0 && <p className="admin-empty">{t('admin.kiosk.none')}</p>}
        {tokens.data && tokens.data.length > 0 && (
          <table className="admin-table" data-testid="kiosk-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.kiosk.col.name')}</th>
                <th scope="col">{t('admin.kiosk.col.playlist')}</th>
                <th scope="col">{t('admin.kiosk.col.created')}</th>
                <th scope="col">{t('admin.kiosk.col.state')}</th>
                <th scope="col" data-export-skip>
                  <span className="sr-only">{t('admin.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((k) => (
                <tr key={k.id} data-testid="kiosk-row" data-name={k.name}>
                  <th scope="row">{k.name}</th>
                  <td>{nameOf(k.playlist)}</td>
                  <td className="small">
                    {k.createdBy} · {f.moment(k.createdAt)}
                  </td>
                  <td data-testid="kiosk-state">
                    {k.revokedAt ? (
                      <span className="admin-badge off">
                        {t('admin.kiosk.revoked', { when: f.moment(k.revokedAt) })}
                      </span>
                    ) : (
                      <span className="admin-badge on">{t('admin.kiosk.active')}</span>
                    )}
                  </td>
                  <td>{!k.revokedAt && <Revoke token={k} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside className="admin-side" aria-label={t('admin.kiosk.newAria')}>
        <NewLinkForm playlists={playlists} onCreated={setMade} />
      </aside>
    </div>
  );
}

function NewLinkForm({
  playlists,
  onCreated,
}: {
  playlists: ReadonlyArray<{ id: number; name: string }>;
  onCreated: (t: NewKioskToken) => void;
}) {
  const [name, setName] = useState('');
  const [playlist, setPlaylist] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const create = useCreateKioskToken();
  const t = useT();
  const say = useSayName();
  const said = useApiErrors();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('admin.kiosk.empty');
    if (!playlist) found.playlist = t('admin.kiosk.choosePlaylist');
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    try {
      onCreated(await create.mutateAsync({ name: name.trim(), playlist: Number(playlist) }));
      setName('');
    } catch (err) {
      setIssues(issuesOf(err, said.issue));
    }
  };
  return (
    <form
      className="admin-form"
      data-testid="kiosk-form"
      aria-labelledby="new-link-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="new-link-title">{t('admin.kiosk.newTitle')}</h2>
      <Field
        id="kiosk-name"
        label={t('admin.kiosk.name')}
        issue={issues.name}
        control={(a) => (
          <input
            {...a}
            data-testid="kiosk-name"
            value={name}
            maxLength={80}
            placeholder={t('admin.kiosk.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      />
      <Field
        id="kiosk-playlist"
        label={t('admin.kiosk.playlist')}
        issue={issues.playlist}
        control={(a) => (
          <select {...a} data-testid="kiosk-playlist" value={playlist} onChange={(e) => setPlaylist(e.target.value)}>
            <option value="">{t('admin.kiosk.choose')}</option>
            {playlists.map((p) => (
              <option key={p.id} value={p.id}>
                {say(p.name)}
              </option>
            ))}
          </select>
        )}
      />
      <OtherIssues issues={issues} shown={['name', 'playlist']} />
      <div className="admin-actions">
        <button type="submit" className="admin-btn primary" data-testid="kiosk-submit" disabled={create.isPending}>
          {t('admin.kiosk.create')}
        </button>
      </div>
    </form>
  );
}

/** The new link, once: copied with a button (or by hand where the browser refuses the clipboard). */
function NewLink({ made, onDismiss }: { made: NewKioskToken; onDismiss: () => void }) {
  const link = `${window.location.origin}${made.link}`;
  const [copied, setCopied] = useState('');
  const t = useT();
  const copy = (): void => {
    // Absent outside a secure context (a server reached over plain HTTP by its LAN address).
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopied(t('admin.kiosk.noClipboard'));
      return;
    }
    clipboard.writeText(link).then(
      () => setCopied(t('admin.kiosk.copied')),
      () => setCopied(t('admin.kiosk.copyRefused')),
    );
  };
  return (
    <div className="admin-new-link" data-testid="kiosk-link-panel" role="region" aria-labelledby="new-link-shown">
      <h3 id="new-link-shown">{t('admin.kiosk.linkFor', { name: made.name })}</h3>
      <p className="warn">{t('admin.kiosk.copyNow')}</p>
      <div className="admin-link-row">
        <label htmlFor="kiosk-link" className="sr-only">
          {t('admin.kiosk.linkLabel')}
        </label>
        <input id="kiosk-link" data-testid="kiosk-link" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="admin-btn primary" data-testid="kiosk-copy" onClick={copy}>
          {t('admin.kiosk.copy')}
        </button>
      </div>
      <div className="admin-link-foot">
        <button type="button" className="admin-btn" onClick={onDismiss}>
          {t('admin.kiosk.done')}
        </button>
        <p role="status" className="admin-status">
          {copied}
        </p>
      </div>
    </div>
  );
}

/** Revoke, after a second click that confirms it. */
function Revoke({ token }: { token: KioskToken }) {
  const [asking, setAsking] = useState(false);
  const revoke = useRevokeKioskToken();
  const t = useT();
  const said = useApiErrors();
  if (!asking)
    return (
      <button
        type="button"
        className="admin-btn small danger"
        data-testid="kiosk-revoke"
        onClick={() => setAsking(true)}
      >
        {t('admin.kiosk.revoke')}
      </button>
    );
  return (
    <span className="admin-confirm" role="group" aria-label={t('admin.kiosk.revokeAria', { name: token.name })}>
      <span>{t('admin.kiosk.revokeAsk')}</span>
      <button
        type="button"
        className="admin-btn small danger"
        data-testid="kiosk-revoke-confirm"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate(token.id)}
      >
        {t('admin.kiosk.revokeConfirm')}
      </button>
      <button type="button" className="admin-btn small" onClick={() => setAsking(false)}>
        {t('admin.kiosk.keep')}
      </button>
      {revoke.error && (
        <span className="field-issue" role="alert">
          {said.error(revoke.error)}
        </span>
      )}
    </span>
  );
}
