/**
 * Opaque secrets (session tokens, API keys): 32 random bytes, base64url. Only their SHA-256 is
 * stored, so a database dump does not hand out working credentials. (A fast hash is right here:
 * the secrets are random, not guessable like passwords.)
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_\-.~+/=]{16,200})\s*$/i.exec(header);
  return match ? match[1]! : null;
}
