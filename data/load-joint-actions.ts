// Writes joint actions and their participating services, in date order with ids in that order.
import type { Db } from '../server/db/database.ts';
import { JOINT_ACTION_TYPES, SERVICES } from '../server/contract/catalog.ts';
import type { JointAction } from './generate/joint-actions.ts';
import { PERIOD } from './generate/scales.ts';
import { addDays } from '../server/shared/period.ts';

export async function writeJointActions(db: Db, actions: JointAction[]): Promise<number> {
  const sorted = [...actions].sort((a, b) => a.day - b.day || a.mahalla - b.mahalla);
  const con = await db.connect();
  const ap = await con.createAppender('joint_actions');
  sorted.forEach((a, i) => {
    ap.appendInteger(i + 1);
    ap.appendVarchar(addDays(PERIOD.start, a.day));
    ap.appendInteger(a.mahalla + 1);
    ap.appendInteger(a.inspector + 1);
    ap.appendVarchar(JOINT_ACTION_TYPES[a.type] ?? 'joint_patrol');
    ap.appendInteger(a.checked);
    ap.appendInteger(a.offences);
    ap.appendInteger(a.wanted);
    ap.endRow();
  });
  ap.closeSync();
  const sp = await con.createAppender('joint_action_services');
  sorted.forEach((a, i) => {
    for (const s of a.services) {
      sp.appendInteger(i + 1);
      sp.appendVarchar(SERVICES[s] ?? 'patrol');
      sp.endRow();
    }
  });
  sp.closeSync();
  con.closeSync();
  return sorted.length;
}
