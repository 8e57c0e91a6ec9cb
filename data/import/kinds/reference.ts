// The reference kinds that are not records in time: the territory assignment, base points and inspectors.
import { ID, LAT, LON, MAHALLA, type RecordColumn, type RecordKind } from '../record-columns.ts';

/**
 * The territory assignment: which inspector covers each mahalla. Not a table of records: it becomes a new territory
 * version of each district it touches (territory.ts), so `table` and `time` are unused.
 */
export const TERRITORIES: RecordKind = {
  name: 'territories',
  table: 'territory_assignment',
  time: '',
  columns: [
    { ...MAHALLA, required: true },
    {
      name: 'inspector',
      type: 'id',
      required: true,
      headers: [
        'inspector id',
        'inspektor',
        'profilaktika inspektori',
        'инспектор',
        'профилактика инспектори',
        'инспектор профилактики',
        'участковый',
        'табельный номер',
      ],
    },
  ],
};

const text = (name: string, headers: readonly string[], required = true): RecordColumn => ({
  name,
  type: 'id',
  required,
  headers,
});
const DISTRICT = text('district_soato', ['district', 'tuman', 'туман', 'район', 'код района', 'soato', 'соато']);
const NAME = text('name', ['name', 'nomi', 'номи', 'название', 'наименование']);

/** Base points (tayanch punkti / опорный пункт), keyed by the source's id; the point gives their mahalla. */
export const BASE_POINTS: RecordKind = {
  name: 'base_points',
  table: 'base_points',
  time: '',
  columns: [ID, NAME, DISTRICT, { ...LON, required: true }, { ...LAT, required: true }],
};

/** Prevention inspectors, keyed by the source's id; `base_point` is a base point's source id (or Hamkor id). */
export const INSPECTORS: RecordKind = {
  name: 'inspectors',
  table: 'inspectors',
  time: '',
  columns: [
    { ...ID, headers: [...ID.headers, 'табельный номер', 'tabel raqami', 'табел рақами', 'personnel number'] },
    text('name', ['name', 'full name', 'f.i.sh.', 'ф.и.ш.', 'фио', 'ф.и.о.', 'familiya ismi']),
    text('rank', ['rank', 'unvon', 'унвон', 'звание']),
    DISTRICT,
    text('base_point', ['base point', 'tayanch punkti', 'таянч пункти', 'опорный пункт']),
  ],
};
