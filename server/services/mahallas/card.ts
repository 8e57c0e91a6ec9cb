// One mahalla's card: its numbers for the period, its inspector and base point, its monthly trend.
import type { Db } from '../../db/database.ts';
import type { MahallaIdentity } from '../../contract/mahallas.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import type { Selection } from '../../selection/select.ts';
import { comparisonPeriod, type Comparison, type Period } from '../../shared/period.ts';
import { dataPeriod } from '../data-period.ts';
import { staff } from '../coverage/coverage.ts';
import type { Assignment } from '../territories/in-force.ts';
import { cardFigures, type CardFigures } from './card-figures.ts';
import { mahallaIdentity } from './mahallas.ts';

/** The card: who the mahalla is, who covers it, and its numbers (their meaning is documented on CardFigures). */
export interface MahallaCard extends MahallaIdentity, CardFigures {
  /** name and rank are null for an asker who may not see persons' names */
  inspector: { id: number; name: string | null; rank: string | null; mahallas: number; basePoint: string } | null;
  period: Period;
  previous: Period;
}

/** The card of the selection's mahalla, or null when no mahalla has that id; its inspector is the one `a` gives. */
export async function getMahallaCard(
  db: Db,
  sel: Selection & { mahalla: number },
  compare: Comparison,
  a: Assignment,
): Promise<MahallaCard | null> {
  const id = sel.mahalla;
  const period = sel.period;
  const previous = comparisonPeriod(period, compare);
  // One round, all of it from caches once warm: who the mahalla is (per database), who covers it (per plan in force),
  // and its numbers from its district's records held in memory (card-figures.ts).
  const figures = Promise.all([mahallaColumns(db), dataPeriod(db)]).then(([cols, data]) =>
    cardFigures(db, sel, cols.district[cols.index.get(id) ?? -1] ?? '', previous, data),
  );
  const [identity, s, f] = await Promise.all([mahallaIdentity(db, id), staff(db, a), figures]);
  const covering = s.mahallas.get(id)?.inspectorId ?? null;
  const k = covering === null ? undefined : s.byId.get(covering);
  const insp = k === undefined ? undefined : s.inspectors[k];
  const m = identity && {
    ...identity,
    inspectorId: covering,
    inspectorName: insp?.name ?? null,
    rank: insp?.rank ?? null,
    basePoint: insp?.basePoint.name ?? null,
    inspectorMahallas: insp?.mahallaIds.length ?? null,
  };
  if (!m) return null;
  const { inspectorId, inspectorName, rank, basePoint, inspectorMahallas, ...rest } = m;
  return {
    ...rest,
    inspector:
      inspectorId !== null && inspectorName !== null
        ? {
            id: inspectorId,
            name: sel.access.persons ? inspectorName : null,
            rank: sel.access.persons ? (rank ?? '') : null,
            mahallas: inspectorMahallas ?? 0,
            basePoint: basePoint ?? '',
          }
        : null,
    period,
    previous,
    ...f,
    rate: Math.round(f.rate * 100) / 100,
  };
}
