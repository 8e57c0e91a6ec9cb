// `npm run admin -- <command>`: accounts from the command line, for the first administrator and for recovery. Works on
// the user store (HAMKOR_STATE) while the server is stopped; with it running, use the admin page (Administration).
//   create-user <username> --role <role> [--name "Full Name"] [--region 1726] [--district 1726294] [--inspector 12] [--password …]
//   reset-password <username> [--password …]      disable <username>      enable <username>      list-users
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AccountCreateBody, Password, ROLES } from '../server/contract/access.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { readEnv } from '../server/env.ts';
import { openStore } from '../server/store/duck/open.ts';
import type { Actor, UserStore } from '../server/store/types.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    region: { type: 'string' },
    district: { type: 'string' },
    inspector: { type: 'string' },
    password: { type: 'string' },
  },
});
const [command, username] = positionals;
const by: Actor = { accountId: null, username: `cli:${process.env.USER ?? 'admin'}` };
const USAGE = `usage: npm run admin -- create-user <username> --role <${ROLES.join('|')}> [--name …] [--region …] [--district …] [--inspector …] [--password …]
       npm run admin -- reset-password <username> [--password …] | disable <username> | enable <username> | list-users`;

/** A generated password, shown once: 16 characters from a 64-letter alphabet (96 bits). */
const generated = (): string => randomBytes(12).toString('base64url');

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function byName(store: UserStore, name: string | undefined) {
  const a = name ? await store.accounts.byUsername(name.toLowerCase()) : null;
  return a ?? fail(`no account is named "${name ?? ''}"`);
}

async function run(store: UserStore): Promise<void> {
  switch (command) {
    case 'list-users':
      for (const a of await store.accounts.list()) {
        console.log(
          [
            a.username,
            a.role,
            a.region ?? a.district ?? a.inspector ?? '',
            a.disabled ? 'disabled' : '',
            a.displayName,
          ].join('\t'),
        );
      }
      return;
    case 'create-user': {
      const password = values.password ?? generated();
      const parsed = AccountCreateBody.safeParse({
        username,
        displayName: values.name ?? username,
        role: values.role,
        password,
        region: values.region ?? null,
        district: values.district ?? null,
        inspector: values.inspector ? Number(values.inspector) : null,
      });
      if (!parsed.success)
        fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
      const { password: _pw, ...a } = parsed.data;
      if (await store.accounts.byUsername(a.username)) fail(`an account named "${a.username}" exists already`);
      const passwordHash = await hashPassword(password);
      await store.write((w) => w.accounts.create({ ...a, passwordHash }, by));
      console.log(
        `Created ${a.username} (${a.role}).${values.password ? '' : ` Password: ${password}  (shown once; ask them to change it)`}`,
      );
      return;
    }
    case 'reset-password': {
      const a = await byName(store, username);
      const password = values.password ?? generated();
      const ok = Password.safeParse(password);
      if (!ok.success) fail(`password: ${ok.error.issues[0]?.message ?? 'invalid'}`);
      const hash = await hashPassword(password);
      await store.write(async (w) => {
        await w.accounts.setPassword(a.id, hash, by);
        await w.sessions.removeAll('account', a.id);
      });
      console.log(
        `New password for ${a.username}${values.password ? ' set' : `: ${password}  (shown once)`}; their sessions are ended.`,
      );
      return;
    }
    case 'disable':
    case 'enable': {
      const a = await byName(store, username);
      const out = await store.write(async (w) => {
        const r = await w.accounts.update(
          a.id,
          a.version,
          {
            displayName: a.displayName,
            role: a.role,
            region: a.region,
            district: a.district,
            inspector: a.inspector,
            disabled: command === 'disable',
          },
          by,
        );
        if (command === 'disable') await w.sessions.removeAll('account', a.id);
        return r;
      });
      console.log(
        out.status === 'ok' ? `${a.username} is ${command}d.` : `${a.username} changed meanwhile; try again.`,
      );
      return;
    }
    default:
      fail(USAGE);
  }
}

const env = readEnv();
let store: UserStore;
try {
  store = await openStore(env.HAMKOR_STATE);
} catch (err) {
  fail(
    /lock/i.test(String(err))
      ? `${env.HAMKOR_STATE} is open in a running Hamkor server: use its Administration page, or stop it first`
      : String(err),
  );
}
try {
  await run(store);
} finally {
  store.close();
}
