// The wall screen: full screen, no application chrome, dark theme. Plays the playlist's slides, refreshes the data on
// a timer, keeps the last good slides (with a "stale since" badge) while the server is unreachable. It runs for a
// signed-in person, or for a kiosk: a link with `kiosk=<token>` signs the screen in as that token's playlist, once
// (the token then leaves the address bar, so it is not shown on the wall or kept in history).
import { useEffect, useMemo, useState } from 'react';
import { kioskSignIn, useSession } from '../../queries/session.ts';
import { SignInPage } from '../signin/SignInPage.tsx';
import { useLiveSnapshot } from '../../queries/briefing.ts';
import { parseBriefingUrl } from './params.ts';
import { useIdleCursor, useRotation } from './use-rotation.ts';
import { SlideFrame } from './slides/SlideFrame.tsx';
import { SLIDE_COMPONENTS } from './slides/registry.ts';
import { slideTitle } from './slides/titles.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import './briefing.css';

/** The pointer disappears after this long without movement (a cursor in the middle of the wall distracts). */
const CURSOR_IDLE_MS = 3000;

export default function BriefingRoot() {
  const [kiosk, setKiosk] = useState<string | null>(() => new URLSearchParams(window.location.search).get('kiosk'));
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const session = useSession();
  const t = useT();
  const said = useApiErrors();
  useEffect(() => {
    if (kiosk === null) return;
    kioskSignIn(kiosk).then(
      (me) => {
        const q = new URLSearchParams(window.location.search);
        q.delete('kiosk');
        if (me.playlist !== null) q.set('playlist', String(me.playlist));
        window.history.replaceState(null, '', `${window.location.pathname}?${q.toString()}`);
        setKiosk(null);
      },
      (error: unknown) => setFailed({ error }),
    );
  }, [kiosk]);
  if (failed)
    return (
      <div className="briefing">
        <div className="connecting" role="alert" data-testid="wall-link-refused">
          <p className="mark">HAMKOR</p>
          <p>{t('wall.linkRefused', { reason: said.error(failed.error) })}</p>
        </div>
      </div>
    );
  if (kiosk !== null || session.isPending) return null;
  if (!session.data) return <SignInPage />;
  return <Wall />;
}

function Wall() {
  // Read once: the URL picks the playlist; later the slide index is written back to it.
  const params = useMemo(() => parseBriefingUrl(window.location.search), []);
  const live = useLiveSnapshot(params, params.refreshS * 1000);
  const slides = useMemo(() => live.data?.playlist.slides ?? [], [live.data]);
  const dwellMs = useMemo(() => slides.map((s) => (params.dwellS ?? s.dwellS) * 1000), [slides, params.dwellS]);
  const rotation = useRotation(dwellMs, params.slide);
  const idle = useIdleCursor(CURSOR_IDLE_MS);
  const snap = live.data;
  const dwell = dwellMs[rotation.index] ?? 0;
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();

  return (
    <div
      className={`briefing${idle ? ' cursor-hidden' : ''}`}
      data-testid="briefing"
      data-slide={rotation.index + 1}
      data-paused={rotation.paused}
    >
      {!snap && (
        <div className="connecting" role="status">
          <p className="mark">HAMKOR</p>
          <p>{live.error ? t('wall.loadFailed', { reason: said.error(live.error) }) : t('wall.loading')}</p>
        </div>
      )}
      {snap && (
        <main className="deck">
          {slides.map((s, i) => {
            const Body = SLIDE_COMPONENTS[s.kind];
            const title = s.caption ?? slideTitle(s.kind, t);
            const active = i === rotation.index;
            return (
              <section
                key={`${i}-${s.kind}`}
                className={`slide${active ? ' active' : ''}`}
                data-testid="slide"
                data-kind={s.kind}
                aria-hidden={!active}
                aria-label={title}
              >
                <SlideFrame snap={snap} title={title} position={`${i + 1} / ${slides.length}`}>
                  <Body snap={snap} title={title} />
                </SlideFrame>
              </section>
            );
          })}
        </main>
      )}
      {snap && slides.length > 1 && (
        <div className="progress" aria-hidden="true">
          <div
            key={`${rotation.index}-${rotation.step}`}
            className={`bar${rotation.paused ? ' paused' : ''}`}
            style={{ animationDuration: `${dwell}ms` }}
          />
        </div>
      )}
      <div className="badges">
        {rotation.paused && (
          <p className="badge paused" data-testid="paused-badge">
            {t('wall.paused')}
          </p>
        )}
        {live.staleSince !== null && (
          <p className="badge stale" role="status" data-testid="stale-badge">
            {t('wall.stale', { clock: f.clock(live.staleSince) })}
          </p>
        )}
      </div>
    </div>
  );
}
