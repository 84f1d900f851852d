/**
 * What makes an account's fields acceptable, the same on the endpoint (the command line and the
 * admin's routes) and in the admin's screen, which checks as the admin types.
 */
import { roles } from '../vocabulary/enums.ts';

/**
 * A login as the endpoint keys it, everywhere (the account lookup, the sign-in limiter, the
 * commands): compatibility forms folded (NFKC: a full-width letter; a no-break space becomes a
 * plain one), spaces at either end dropped, lower case. One function, so a padded or
 * differently-cased login can never be a different key in one place and the same account in another.
 */
export function normaliseLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

export const minPasswordLength = 8;

export type AccountField = 'login' | 'name' | 'role' | 'password';

/** The first field that breaks a rule, or null. A password is checked only when given. */
export function accountInputProblem(input: {
  login: string;
  name: string;
  role: string;
  password?: string | undefined;
}): AccountField | null {
  if (!/^[a-z0-9._@-]{2,100}$/.test(normaliseLogin(input.login))) return 'login';
  if (input.name.trim().length === 0 || input.name.length > 200) return 'name';
  if (!(roles as readonly string[]).includes(input.role)) return 'role';
  if (input.password !== undefined && input.password.length < minPasswordLength) return 'password';
  return null;
}
