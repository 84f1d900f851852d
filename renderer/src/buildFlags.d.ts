/** Set at build time by renderer/vite.shared.ts: true only in test builds (DESK_TEST_HOOKS=1). */
declare const __DESK_TEST_HOOKS__: boolean;
