// The column schema of each importable record kind: our column names, the header names departments' exports use
// (Uzbek Latin and Cyrillic, Russian, English) and the labels of their closed vocabularies → our codes.
import {
  APPLICANT_KINDS,
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  RECEIVERS,
  REGISTRIES,
  SERVICES,
} from '../../server/contract/catalog.ts';

/**
 * How a cell is read: an identifier, a local date-time, a longitude or latitude in degrees, a code of a list, or the
 * code of the mahalla (places a record that has no point; not stored as such, it gives mahalla_id).
 */
export type ColumnType = 'id' | 'time' | 'lon' | 'lat' | 'enum' | 'mahalla';

export interface RecordColumn {
  /** Our name (also the column of the target table, unless `sql` says otherwise). */
  name: string;
  type: ColumnType;
  required: boolean;
  /** Header names recognised without a mapping file (matched ignoring case, spaces and apostrophe variants). */
  headers: readonly string[];
  /** For enums: the codes, and labels (any case) that mean them; a code always means itself. */
  codes?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  /** The ENUM type to cast to in SQL. */
  sqlEnum?: string;
}

export interface RecordKind {
  name: 'incidents' | 'applications' | 'territories' | 'base_points' | 'inspectors' | 'joint_actions';
  table: string;
  /** The column whose time orders the table (zone maps) and feeds the monthly counts. */
  time: string;
  columns: readonly RecordColumn[];
  /** The column that, with time and place, makes two records with different ids likely duplicates. */
  duplicateKey?: string;
  /** A rule across the columns of one good row (values by our column name): the column at fault and why, or null. */
  check?: (row: ReadonlyMap<string, string | number | null>) => { column: string; reason: string } | null;
  /** `check` as a SQL condition over the checked values (bulk-check.ts): true only where `check` finds nothing. */
  checkSql?: string;
}

const ID: RecordColumn = {
  name: 'source_id',
  type: 'id',
  required: true,
  headers: ['id', 'source id', 'номер', '№', 'рег. номер', 'регистрационный номер', 'raqam', 'рақам', 'рег №'],
};
// A record needs a point (lon and lat) or a mahalla code (records.ts checks the pair), so neither is required alone.
const LON: RecordColumn = {
  name: 'lon',
  type: 'lon',
  required: false,
  headers: ['longitude', 'lng', 'x', 'долгота', 'uzunlik', 'узунлик'],
};
const LAT: RecordColumn = {
  name: 'lat',
  type: 'lat',
  required: false,
  headers: ['latitude', 'y', 'широта', 'kenglik', 'кенглик'],
};
const MAHALLA: RecordColumn = {
  name: 'mahalla_code',
  type: 'mahalla',
  required: false,
  headers: [
    'mahalla',
    'mahalla code',
    'mahalla kodi',
    'маҳалла',
    'маҳалла коди',
    'махалля',
    'махалла',
    'код махалли',
    'код махалля',
    'мфй',
    'мфй коди',
    'mfy',
    'mfy kodi',
  ],
};

export const INCIDENTS: RecordKind = {
  name: 'incidents',
  table: 'incidents',
  time: 'ts',
  duplicateKey: 'category',
  columns: [
    ID,
    {
      name: 'ts',
      type: 'time',
      required: true,
      headers: ['date', 'time', 'datetime', 'дата', 'дата и время', 'дата регистрации', 'sana', 'сана', 'vaqt', 'вақт'],
    },
    LON,
    LAT,
    MAHALLA,
    {
      name: 'category',
      type: 'enum',
      required: true,
      sqlEnum: 'incident_category',
      headers: ['категория', 'вид', 'вид преступления', 'toifa', 'тоифа', 'turi', 'тури'],
      codes: INCIDENT_CATEGORIES,
      labels: {
        'преступления против личности': 'person',
        'shaxsga qarshi jinoyatlar': 'person',
        'имущественные преступления': 'property',
        кража: 'property',
        "o'g'irlik": 'property',
        ўғирлик: 'property',
        мошенничество: 'fraud',
        firibgarlik: 'fraud',
        фирибгарлик: 'fraud',
        наркотики: 'drugs',
        giyohvandlik: 'drugs',
        гиёҳвандлик: 'drugs',
        'торговля людьми': 'trafficking',
        'odam savdosi': 'trafficking',
        'одам савдоси': 'trafficking',
        'организованная преступность': 'organised',
        экстремизм: 'extremism',
        ekstremizm: 'extremism',
        хулиганство: 'hooliganism',
        bezorilik: 'hooliganism',
        безорилик: 'hooliganism',
        дтп: 'traffic',
        'бытовое насилие': 'domestic',
        'oilaviy zo‘ravonlik': 'domestic',
        'розыск найден': 'wanted_found',
        'без вести пропавший': 'missing_person',
      },
    },
    {
      name: 'status',
      type: 'enum',
      required: true,
      sqlEnum: 'incident_status',
      headers: ['статус', 'состояние', 'holat', 'ҳолат', 'holati', 'ҳолати'],
      codes: INCIDENT_STATUSES,
      labels: {
        зарегистрировано: 'registered',
        "ro'yxatga olingan": 'registered',
        'рўйхатга олинган': 'registered',
        раскрыто: 'solved',
        ochilgan: 'solved',
        очилган: 'solved',
        'не раскрыто': 'unsolved',
        нераскрыто: 'unsolved',
        ochilmagan: 'unsolved',
        очилмаган: 'unsolved',
      },
    },
  ],
};

export const APPLICATIONS: RecordKind = {
  name: 'applications',
  table: 'applications',
  time: 'received_at',
  duplicateKey: 'registry',
  columns: [
    ID,
    {
      name: 'received_at',
      type: 'time',
      required: true,
      headers: ['date', 'received', 'дата', 'дата поступления', 'sana', 'сана', 'kelib tushgan sana'],
    },
    LON,
    LAT,
    MAHALLA,
    enumColumn('applicant', 'applicant_kind', APPLICANT_KINDS, ['заявитель', 'murojaatchi', 'мурожаатчи'], {
      гражданин: 'citizen',
      fuqaro: 'citizen',
      фуқаро: 'citizen',
      'юридическое лицо': 'legal_entity',
      'yuridik shaxs': 'legal_entity',
    }),
    enumColumn('channel', 'application_channel', APPLICATION_CHANNELS, ['канал', 'kanal', 'способ'], {
      лично: 'in_person',
      письменно: 'written',
      телефон: 'phone',
      онлайн: 'online',
      'телефон доверия': 'hotline',
    }),
    enumColumn('registry', 'registry', REGISTRIES, ['учёт', 'учет', 'журнал', 'книга', 'hisob', 'ҳисоб'], {
      'форма 1': 'form1',
      'форма № 1': 'form1',
      '1-shakl': 'form1',
      'форма 2': 'form2',
      'форма № 2': 'form2',
      '2-shakl': 'form2',
      'алфавитная книга': 'alphabetical',
      'alifbo kitobi': 'alphabetical',
    }),
    enumColumn('received_by', 'receiver', RECEIVERS, ['принял', 'кем принято', 'qabul qilgan'], {
      'дежурная часть': 'duty_unit',
      'navbatchilik qismi': 'duty_unit',
      инспектор: 'inspector',
      inspektor: 'inspector',
      служба: 'service',
      xizmat: 'service',
    }),
    { ...enumColumn('service', 'service_code', SERVICES, ['служба', 'передано', 'xizmat'], {}), required: false },
    enumColumn('status', 'application_status', APPLICATION_STATUSES, ['статус', 'holat', 'ҳолат'], {
      открыто: 'open',
      'на рассмотрении': 'open',
      ochiq: 'open',
      рассмотрено: 'resolved',
      решено: 'resolved',
      "ko'rib chiqilgan": 'resolved',
    }),
    {
      name: 'resolved_at',
      type: 'time',
      required: false,
      headers: ['дата решения', 'дата рассмотрения', "ko'rib chiqilgan sana"],
    },
  ],
  checkSql: `NOT coalesce((status = 'resolved' AND resolved_at IS NULL) OR (status = 'open' AND resolved_at IS NOT NULL)
    OR (resolved_at IS NOT NULL AND resolved_at < received_at), true)`,
  check: (row) => {
    const resolved = row.get('resolved_at');
    if (row.get('status') === 'resolved' && resolved === null)
      return { column: 'resolved_at', reason: 'is empty, but the status is resolved' };
    if (row.get('status') === 'open' && resolved !== null)
      return { column: 'resolved_at', reason: 'is given, but the status is open' };
    // both are 'YYYY-MM-DD HH:MM:SS' (mapping.ts readTime): text order is time order
    if (resolved !== null && String(resolved) < String(row.get('received_at')))
      return { column: 'resolved_at', reason: 'is before received_at' };
    return null;
  },
};

function enumColumn(
  name: string,
  sqlEnum: string,
  codes: readonly string[],
  headers: readonly string[],
  labels: Record<string, string>,
): RecordColumn {
  return { name, type: 'enum', required: true, sqlEnum, headers, codes, labels };
}

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

export const RECORD_KINDS = { incidents: INCIDENTS, applications: APPLICATIONS } as const;
export type RecordKindName = keyof typeof RECORD_KINDS;

/**
 * A header or label as compared: lower case, trimmed, inner spaces collapsed, the Uzbek letter signs ʻ ʼ ‘ ’ ` read
 * as an ASCII apostrophe (exports carry any of them).
 * @example normalizeLabel('  O‘g‘irlik ') // "o'g'irlik"
 */
export function normalizeLabel(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[ʻʼ‘’`]/g, "'")
    .replace(/\s+/g, ' ');
}
