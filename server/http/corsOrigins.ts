/**
 * Which browser origins may call the API: the Electron app (file:// pages send `Origin: null`),
 * the web twin and dev servers on loopback (any port), plus the configured ones
 * (`--cors-origin`, PASS24_CORS_ORIGINS, comma-separated). Requests without an Origin header
 * (connectors, curl, Node) are not CORS requests and are unaffected.
 */
const loopback = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

export function corsOriginAllowed(origin: string, extra: readonly string[]): boolean {
  return origin === 'null' || loopback.test(origin) || extra.includes(origin);
}

export function parseOriginList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}
