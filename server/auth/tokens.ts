// Secrets handed to browsers (session cookies, kiosk tokens): random, and stored only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the store keeps of a token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');
