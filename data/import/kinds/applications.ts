// The applications kind: its columns, header names, the labels of its closed lists and the rule across its columns
// (a resolution time exactly when resolved, never before receipt).
import {
  APPLICANT_KINDS,
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  RECEIVERS,
  REGISTRIES,
  SERVICES,
} from '../../../server/contract/catalog.ts';
import { enumColumn, ID, LAT, LON, MAHALLA, type RecordKind } from '../record-columns.ts';
import { said } from '../report.ts';

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
      return { column: 'resolved_at', ...said('is empty, but the status is resolved', 'resolved_empty') };
    if (row.get('status') === 'open' && resolved !== null)
      return { column: 'resolved_at', ...said('is given, but the status is open', 'resolved_while_open') };
    // both are 'YYYY-MM-DD HH:MM:SS' (mapping.ts readTime): text order is time order
    if (resolved !== null && String(resolved) < String(row.get('received_at')))
      return { column: 'resolved_at', ...said('is before received_at', 'resolved_before_received') };
    return null;
  },
};
