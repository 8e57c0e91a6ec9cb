// Wall-screen links: a kiosk token opens one playlist on a wall screen without an account. The link is shown once,
// when it is made (only the token's hash is kept); revoking it ends the screens that use it.
import { useState, type FormEvent } from 'react';
import { formatMoment } from '../../format.ts';
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

export function KioskTab() {
  const tokens = useKioskTokens();
  const list = usePlaylists();
  const playlists = list.data?.playlists ?? [];
  const [made, setMade] = useState<NewKioskToken | null>(null);
  const nameOf = (id: number): string => playlists.find((p) => p.id === id)?.name ?? `Playlist #${id}`;
  return (
    <div className="admin-split">
      <section className="admin-main" aria-labelledby="kiosk-title">
        <h2 id="kiosk-title">Wall-screen links</h2>
        <p className="admin-hint">
          Each link signs one wall screen in to one playlist, with no account. Revoke a link when a screen is lost or
          replaced.
        </p>
        {/* Once its link is revoked, the one-time panel has nothing left worth copying. */}
        {made && !tokens.data?.some((t) => t.id === made.id && t.revokedAt) && (
          <NewLink made={made} onDismiss={() => setMade(null)} />
        )}
        {tokens.error && (
          <p className="admin-issues" role="alert">
            Could not load the links: {tokens.error.message}
          </p>
        )}
        {list.error && (
          <p className="admin-issues" role="alert">
            Could not load the playlists: {list.error.message}
          </p>
        )}
        {tokens.data?.length === 0 && <p className="admin-empty">No wall-screen links yet.</p>}
        {tokens.data && tokens.data.length > 0 && (
          <table className="admin-table" data-testid="kiosk-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Playlist</th>
                <th scope="col">Created</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id} data-testid="kiosk-row" data-name={t.name}>
                  <th scope="row">{t.name}</th>
                  <td>{nameOf(t.playlist)}</td>
                  <td className="small">
                    {t.createdBy} · {formatMoment(t.createdAt)}
                  </td>
                  <td data-testid="kiosk-state">
                    {t.revokedAt ? (
                      <span className="admin-badge off">Revoked {formatMoment(t.revokedAt)}</span>
                    ) : (
                      <span className="admin-badge on">Active</span>
                    )}
                  </td>
                  <td>{!t.revokedAt && <Revoke token={t} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside className="admin-side" aria-label="New wall-screen link">
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
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'must not be empty';
    if (!playlist) found.playlist = 'choose the playlist the screen plays';
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    try {
      onCreated(await create.mutateAsync({ name: name.trim(), playlist: Number(playlist) }));
      setName('');
    } catch (err) {
      setIssues(issuesOf(err));
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
      <h2 id="new-link-title">New wall-screen link</h2>
      <Field
        id="kiosk-name"
        label="Name (where the screen is)"
        issue={issues.name}
        control={(a) => (
          <input
            {...a}
            data-testid="kiosk-name"
            value={name}
            maxLength={80}
            placeholder="e.g. Duty room, 2nd floor"
            onChange={(e) => setName(e.target.value)}
          />
        )}
      />
      <Field
        id="kiosk-playlist"
        label="Playlist"
        issue={issues.playlist}
        control={(a) => (
          <select {...a} data-testid="kiosk-playlist" value={playlist} onChange={(e) => setPlaylist(e.target.value)}>
            <option value="">Choose a playlist…</option>
            {playlists.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      />
      <OtherIssues issues={issues} shown={['name', 'playlist']} />
      <div className="admin-actions">
        <button type="submit" className="admin-btn primary" data-testid="kiosk-submit" disabled={create.isPending}>
          Create link
        </button>
      </div>
    </form>
  );
}

/** The new link, once: copied with a button (or by hand where the browser refuses the clipboard). */
function NewLink({ made, onDismiss }: { made: NewKioskToken; onDismiss: () => void }) {
  const link = `${window.location.origin}${made.link}`;
  const [copied, setCopied] = useState('');
  const copy = (): void => {
    // Absent outside a secure context (a server reached over plain HTTP by its LAN address).
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopied('This browser does not allow copying here: select the link and copy it by hand.');
      return;
    }
    clipboard.writeText(link).then(
      () => setCopied('Copied.'),
      () => setCopied('The browser did not allow copying: select the link and copy it by hand.'),
    );
  };
  return (
    <div className="admin-new-link" data-testid="kiosk-link-panel" role="region" aria-labelledby="new-link-shown">
      <h3 id="new-link-shown">Link for “{made.name}”</h3>
      <p className="warn">Copy it now: it cannot be shown again. Anyone with this link can open the wall screen.</p>
      <div className="admin-link-row">
        <label htmlFor="kiosk-link" className="sr-only">
          Wall-screen link
        </label>
        <input id="kiosk-link" data-testid="kiosk-link" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="admin-btn primary" data-testid="kiosk-copy" onClick={copy}>
          Copy
        </button>
      </div>
      <div className="admin-link-foot">
        <button type="button" className="admin-btn" onClick={onDismiss}>
          Done, hide it
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
  if (!asking)
    return (
      <button
        type="button"
        className="admin-btn small danger"
        data-testid="kiosk-revoke"
        onClick={() => setAsking(true)}
      >
        Revoke…
      </button>
    );
  return (
    <span className="admin-confirm" role="group" aria-label={`Revoke ${token.name}?`}>
      <span>Revoke? Its screens go dark.</span>
      <button
        type="button"
        className="admin-btn small danger"
        data-testid="kiosk-revoke-confirm"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate(token.id)}
      >
        Revoke
      </button>
      <button type="button" className="admin-btn small" onClick={() => setAsking(false)}>
        Keep
      </button>
      {revoke.error && (
        <span className="field-issue" role="alert">
          {revoke.error.message}
        </span>
      )}
    </span>
  );
}
