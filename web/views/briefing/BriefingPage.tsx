// The Briefing page of the app: the stored wall-screen playlists, one of them open in the editor.
import { useState } from 'react';
import { DEFAULT_PLAYLIST } from '../../../server/contract/playlists.ts';
import { useMeta } from '../../queries/index.ts';
import { createPlaylist, usePlaylists } from '../../queries/playlists.ts';
import { PlaylistEditor } from './PlaylistEditor.tsx';
import './editor.css';

export function BriefingPage() {
  const meta = useMeta();
  const { playlists, error, reload } = usePlaylists();
  const [chosen, setChosen] = useState<number | null>(null);
  // What the editor last said ("Saved…", "Not saved: …"). Held here, not in the editor: a save changes the playlist's
  // updatedAt, which remounts the editor once the list reloads, and the confirmation would vanish with it.
  const [status, setStatus] = useState('');
  const current = playlists?.find((p) => p.id === chosen) ?? playlists?.[0];
  const choose = (id: number | null): void => {
    setChosen(id);
    setStatus('');
  };

  const add = async (): Promise<void> => {
    const created = await createPlaylist({ ...DEFAULT_PLAYLIST, name: `New playlist ${(playlists?.length ?? 0) + 1}` });
    choose(created.id);
    reload();
  };

  return (
    <main className="briefing-page">
      <aside className="playlist-list">
        <h2>Wall-screen playlists</h2>
        {error && <p className="warn" role="alert">Could not load playlists: {error.message}</p>}
        <ul>
          {playlists?.map((p) => (
            <li key={p.id}>
              <button type="button" className={p.id === current?.id ? 'chip active' : 'chip'} data-testid="playlist-item" onClick={() => choose(p.id)}>
                {p.name} <span className="muted">· {p.slides.length} slides</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" data-testid="new-playlist" onClick={() => void add()}>New playlist</button>
        <p className="muted">The wall screen (/briefing) plays a playlist full screen: ← → step, space pauses, F for full screen.</p>
      </aside>
      {current && (
        <PlaylistEditor
          key={`${current.id}-${current.updatedAt}`}
          playlist={current}
          meta={meta.data}
          status={status}
          onStatus={setStatus}
          onChanged={(deleted) => {
            if (deleted) choose(null);
            reload();
          }}
        />
      )}
    </main>
  );
}
