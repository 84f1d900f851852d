import pkg from '../package.json' with { type: 'json' };

/** The app's version (package.json), reported by /api/health and the CLI. */
export const serverVersion: string = pkg.version;
