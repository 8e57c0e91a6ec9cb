// The header's search: type a name in either script (any apostrophe) or a code; the list offers mahallas, districts,
// inspectors and base points; picking one flies the map there and selects it (search-target.ts). An ARIA 1.2
// combobox: arrow keys move through the list, Enter picks, Escape closes the list and then clears the box.
import { useCallback, useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { SearchHit, SearchKind } from '../../../server/contract/search.ts';
import { flyTo } from '../../map/fly.ts';
import { useSearch } from '../../queries/search.ts';
import { navigate } from '../../state/route.ts';
import { getState, update } from '../../state/store.ts';
import { searchTarget } from './search-target.ts';
import { useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';

const KIND_LABEL: Record<SearchKind, `search.kind.${SearchKind}`> = {
  district: 'search.kind.district',
  mahalla: 'search.kind.mahalla',
  inspector: 'search.kind.inspector',
  base_point: 'search.kind.base_point',
};

/** Opens what a hit names: the page, the selection in the link, the map's camera. */
function pick(hit: SearchHit): void {
  const path = window.location.pathname;
  const t = searchTarget(hit, path, getState().district);
  update(t.patch);
  if (t.fly) flyTo(t.fly);
  navigate(t.path);
}

export function SearchBox() {
  const id = useId();
  const t = useT();
  // Official district and region names where there are (useNameOf), else the name in the language's script.
  const nameOf = useNameOf();
  const said = useApiErrors();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Enter pressed before the hits of what was typed arrived: the first of them is opened when they do.
  const [pending, setPending] = useState(false);
  const search = useSearch(text);
  const hits = search.hits;
  const shown = open && text.trim().length > 0;
  const listed = shown && hits.length > 0;
  const optionId = (i: number): string => `${id}-hit-${i}`;

  const choose = useCallback(
    (hit: SearchHit | undefined): void => {
      if (!hit) return;
      pick(hit);
      setOpen(false);
      setActive(-1);
      setText(nameOf(hit.name, hit.nameRu));
    },
    [nameOf],
  );
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const n = hits.length;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
    } else if (e.key === 'Enter') {
      if (!search.searchable) return;
      e.preventDefault();
      if (active >= 0 && listed) choose(hits[active]);
      else if (search.settled) choose(hits[0]);
      else setPending(true);
    } else if (e.key === 'Escape') {
      if (shown) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  useEffect(() => {
    if (!pending || !search.settled) return;
    setPending(false);
    choose(hits[0]);
  }, [pending, search.settled, hits, choose]);

  const status = !shown
    ? ''
    : !search.searchable
      ? t('search.tooShort')
      : search.error
        ? t('search.failed', { reason: said.error(search.error) })
        : !search.settled
          ? t('search.searching')
          : hits.length === 0
            ? t('search.none')
            : t('search.found', { count: hits.length });
  return (
    <div className="search" data-testid="search">
      <label htmlFor={`${id}-input`} className="search-label">
        {t('search.label')}
      </label>
      <div className="search-field">
        <input
          id={`${id}-input`}
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={listed}
          aria-controls={`${id}-list`}
          aria-activedescendant={listed && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          value={text}
          data-testid="search-input"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            setPending(false);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKey}
        />
        <span id={`${id}-hint`} className="search-sr">
          {t('search.hint')}
        </span>
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={t('search.results')}
          className="search-list"
          hidden={!listed}
          aria-busy={!search.settled}
          data-testid="search-list"
        >
          {hits.map((h, i) => (
            <li
              key={`${h.kind}-${h.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'search-hit active' : 'search-hit'}
              data-testid="search-hit"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(h);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="search-name">{nameOf(h.name, h.nameRu)}</span>
              <span className="search-sub">
                {t(KIND_LABEL[h.kind])}
                {h.kind !== 'district' && h.district ? ` · ${nameOf(h.district.name, h.district.nameRu)}` : ''}
                {h.code && (h.kind === 'mahalla' || h.match === 'code') ? ` · ${h.code}` : ''}
              </span>
            </li>
          ))}
        </ul>
        {shown && !listed && status && (
          <div className="search-list search-empty" data-testid="search-status">
            {status}
          </div>
        )}
        <span className="search-sr" aria-live="polite">
          {status}
        </span>
      </div>
    </div>
  );
}
