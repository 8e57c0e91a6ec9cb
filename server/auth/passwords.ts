// Password hashes: scrypt (node:crypto) with a per-password salt, stored with their parameters so the cost can be
// raised later without invalidating existing hashes. OWASP's password storage cheat sheet: N = 2^17, r = 8, p = 1
// (128 MiB, ≈ 1 s on this class of machine, which also slows guessing online); tests pass a cheaper N.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const PRODUCTION_COST = 17;

const derive = (password: string, salt: Buffer, len: number, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** Enough for N = 2^17 with r = 8 (Node's 32 MiB default refuses even 2^15). */
const MAXMEM = 256 * 2 ** 20;

/**
 * `scrypt$logN$r$p$salt$hash` (base64url) for a password.
 * @example await hashPassword('correct horse battery', 10) // 'scrypt$10$8$1$…$…'
 */
export async function hashPassword(password: string, logN = PRODUCTION_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, 32, { N: 2 ** logN, r: 8, p: 1, maxmem: MAXMEM });
  return ['scrypt', logN, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches a stored hash, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: 2 ** Number(logN),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
