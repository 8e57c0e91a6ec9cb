// Names Hamkor wrote itself (server/shared/system-names.ts: the seeded territory version, the first playlist, the
// demo accounts and plans) said in the reader's language; a name a person typed is shown as typed.
import { useMemo } from 'react';
import { sayName } from '../../server/shared/system-names.ts';
import { useFmt, useNameOf, useT } from './I18n.tsx';

export { sayName };

/** A stored name or note as the reader should see it. */
export type SayName = (stored: string) => string;

/**
 * sayName in the language in force: every place that shows a playlist, plan, territory version or account name.
 * @example const say = useSayName(); say(playlist.name) // 'Ertalabki brifing' in Uzbek
 */
export function useSayName(): SayName {
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  return useMemo(() => (stored) => sayName(stored, t, nameOf, f.day), [t, f, nameOf]);
}

/**
 * What a name field over a stored name shows: a system name in the reader's words until the reader edits it.
 * @example shownName('Morning briefing', 'Morning briefing', say) // 'Утренний брифинг' in ru
 */
export const shownName = (stored: string, draft: string, say: SayName): string =>
  draft === stored ? say(stored) : draft;

/**
 * What a name field keeps from what the reader typed: the stored system text while the field still reads as it was
 * shown, so a save of other edits does not turn the system name into one language's words.
 * @example typedName('Morning briefing', 'Утренний брифинг', say) // 'Morning briefing' in ru
 */
export const typedName = (stored: string, typed: string, say: SayName): string =>
  typed === say(stored) ? stored : typed;
