// The mahalla list every selection and statistic aligns with: ids in ascending order with residents and district, read
// once per database (mahallas change only when the database is rebuilt).
import { perDb } from '../db/per-db.ts';

export interface MahallaColumns {
  /** ascending */
  id: number[];
  population: number[];
  district: string[];
  /** mahalla id → index into the columns */
  index: Map<number, number>;
}

/** Mahalla ids, residents and districts in id order, with an index by id. */
export const mahallaColumns = perDb(async (db): Promise<MahallaColumns> => {
  const cols = await db.columns<{ id: number; population: number; district: string }>(
    'SELECT id, population, district_soato AS district FROM mahallas ORDER BY id',
  );
  return { ...cols, index: new Map(cols.id.map((id, i) => [id, i])) };
});
