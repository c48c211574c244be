import type { Reason, ReasonParams } from '../http/reasons';
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

// Default N=2^15, r=8: 32 MiB per hash — slow for a guesser, fine for a login. The cost is
// stored in each hash, so raising it later keeps old hashes valid.
export const DEFAULT_SCRYPT_COST = 32768;
const PARAMS = { r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEYLEN = 32;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export async function hashPassword(password: string, cost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, { ...PARAMS, N: cost });
  return `scrypt$${cost}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Constant-time check; a malformed or missing hash never matches. */
export async function verifyPassword(password: string, stored: string | null, dummyCost = DEFAULT_SCRYPT_COST): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time as a real check so timing does not reveal unknown accounts.
    await scrypt(password, Buffer.alloc(16), KEYLEN, { ...PARAMS, N: dummyCost });
    return false;
  }
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

/** Minimum rules: length, and not only one kind of character. Returns a message or null. */
export interface PasswordProblem { reason: Reason; message: string; params?: ReasonParams }

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    return { reason: 'password_too_short', message: `password must be at least ${PASSWORD_MIN} characters`, params: { min: PASSWORD_MIN } };
  }
  if (length > PASSWORD_MAX) {
    return { reason: 'password_too_long', message: `password must be at most ${PASSWORD_MAX} characters`, params: { max: PASSWORD_MAX } };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { reason: 'password_contains_username', message: 'password must not contain the username' };
  }
  if (/^(.)\1*$/u.test(password)) return { reason: 'password_repeated', message: 'password must not repeat one character' };
  return null;
}
