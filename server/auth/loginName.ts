/**
 * A login as the endpoint keys it, everywhere (the account lookup, the sign-in limiter, the
 * commands): compatibility forms folded (NFKC: a full-width letter, a no-break space), spaces at
 * either end dropped, lower case. One function, so a padded or differently-cased login can never
 * be a different key in one place and the same account in another.
 */
export function normaliseLogin(login: string): string {
  return login
    .normalize('NFKC')
    .replace(/\u00a0/g, ' ')
    .trim()
    .toLowerCase();
}
