/**
 * Sync intervals a test build may shorten (renderer/src/app/testHooks.ts sets them before the
 * first sign-in); a build that ships leaves them unset and the sync engine keeps its defaults.
 */
export const syncTuning: { pollIntervalMs?: number } = {};
