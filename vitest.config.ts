import { defineConfig } from 'vitest/config';

// Electron's binary cannot be downloaded on CI machines: point its lookup at nothing, so a stray
// require('electron') fails fast instead of trying to fetch it. Main/preload tests mock 'electron'.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron-dist';

const serverSuite = {
  environment: 'node' as const,
  // A throwaway PostgreSQL cluster for the suite (test/support/postgresCluster.ts).
  globalSetup: ['test/server/globalSetup.ts'],
  // Each file starts its own databases; two at a time suits a 2-core machine.
  maxWorkers: 2,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // vitest's default outside watch mode is one worker fewer than the cores: one, here.
          maxWorkers: 2,
        },
      },
      {
        test: {
          ...serverSuite,
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          exclude: ['test/server/channels/**'],
          // Files share their worker's loaded modules (PGlite's WebAssembly, the server): each file
          // still starts its own databases and servers, and keeps no state in modules.
          isolate: false,
        },
      },
      {
        test: {
          ...serverSuite,
          name: 'server-channels',
          // The channels' connectors keep process-wide state: each file in a fresh module graph.
          include: ['test/server/channels/**/*.test.ts'],
        },
      },
    ],
  },
});
