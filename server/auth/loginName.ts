/** The login as the endpoint keys it: the shared rule (shared/domain/accountRules.ts). */
export { normaliseLogin } from '#shared/domain/accountRules.ts';
