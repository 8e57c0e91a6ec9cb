// data/schema.sql and server/contract/catalog.ts must list the same codes in the same order: the bit masks and the
// loader's enum_range() lookups depend on that order.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/database.ts';
import { createSchema } from '../../data/load.ts';
import {
  APPLICANT_KINDS,
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  JOINT_ACTION_TYPES,
  RECEIVERS,
  REGISTRIES,
  SERVICES,
} from '../../server/contract/catalog.ts';

const PAIRS: Array<[string, readonly string[]]> = [
  ['incident_category', INCIDENT_CATEGORIES],
  ['incident_status', INCIDENT_STATUSES],
  ['service_code', SERVICES],
  ['registry', REGISTRIES],
  ['application_channel', APPLICATION_CHANNELS],
  ['receiver', RECEIVERS],
  ['applicant_kind', APPLICANT_KINDS],
  ['application_status', APPLICATION_STATUSES],
  ['joint_action_type', JOINT_ACTION_TYPES],
];

describe('schema ENUMs', () => {
  it.each(PAIRS)('%s matches the catalog', async (type, codes) => {
    const db = await openDb(':memory:');
    await createSchema(db);
    // The type name comes from the fixed list above, never from input.
    const [row] = await db.all<{ codes: string[] }>(`SELECT enum_range(NULL::${type}) AS codes`);
    db.close();
    expect(row?.codes).toEqual([...codes]);
  });
});
