// The Briefing page of the app: the stored wall-screen playlists, one of them open in the editor.
import { useState } from 'react';
import { DEFAULT_PLAYLIST } from '../../../server/contract/playlists.ts';
import { useMeta } from '../../queries/meta.ts';
import { useCreatePlaylist, usePlaylists } from '../../queries/playlists.ts';
import { can, useSession } from '../../queries/session.ts';
import { PlaylistEditor } from './PlaylistEditor.tsx';
import { useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import './editor.css';
import { useSayName } from '../../i18n/system-names.ts';

export function BriefingPage() {
  const meta = useMeta();
  const t = useT();
  const say = useSayName();
  const said = useApiErrors();
  const session = useSession();
  const canWrite = can(session.data, 'playlists.write');
  const list = usePlaylists();
  const create = useCreatePlaylist();
  const playlists = list.data?.playlists;
  const error = list.error;
  const [chosen, setChosen] = useState<number | null>(null);
  const current = playlists?.find((p) => p.id === chosen) ?? playlists?.[0];

  const add = async (): Promise<void> => {
    // One who sees only part of the country starts a playlist of their (first) district: the whole area is not theirs.
    const district = session.data?.scope.kind === 'all' ? null : (meta.data?.districts[0]?.soato ?? null);
    const created = await create.mutateAsync({
      ...DEFAULT_PLAYLIST,
      district,
      name: t('wall.list.newName', { n: (playlists?.length ?? 0) + 1 }),
    });
    setChosen(created.id);
  };

  return (
    <main className="briefing-page">
      <aside className="playlist-list">
        <h2>{t('wall.list.title')}</h2>
        {error && (
          <p className="warn" role="alert">
            {t('wall.list.failed', { reason: said.error(error) })}
          </p>
        )}
        <ul>
          {playlists?.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={p.id === current?.id ? 'chip active' : 'chip'}
                data-testid="playlist-item"
                data-leaves
                onClick={() => setChosen(p.id)}
              >
                {say(p.name)} <span className="muted">· {t('wall.list.slides', { count: p.slides.length })}</span>
              </button>
            </li>
          ))}
        </ul>
        {canWrite && (
          <button type="button" className="btn block" data-testid="new-playlist" data-leaves onClick={() => void add()}>
            {t('wall.list.new')}
          </button>
        )}
        <p className="muted">{t('wall.list.help')}</p>
      </aside>
      {current && (
        <PlaylistEditor
          key={current.id}
          playlist={current}
          meta={meta.data}
          onDeleted={() => setChosen(null)}
          canWrite={canWrite}
        />
      )}
    </main>
  );
}
