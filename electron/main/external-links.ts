/**
 * Where a URL may go from inside the app window. Pure (no `electron` import) so it is unit-tested:
 * the window's navigation, pop-up and IPC-sender checks all decide through these two functions.
 */

type ExternalLinkRule = { host: string; subdomains?: boolean; pathPrefix?: string };

/** Sites a user may be sent to in the system browser. Everything else is refused. */
const EXTERNAL_LINK_RULES: readonly ExternalLinkRule[] = [
  // Customer locations (network mapping).
  { host: 'openstreetmap.org', subdomains: true },
  { host: 'maps.google.com' },
  { host: 'www.google.com', pathPrefix: '/maps' },
  // Chat with a customer on WhatsApp (billing reminders, technician visits).
  { host: 'wa.me' },
];

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True when `raw` is an https link to an allow-listed site, with no credentials and no odd port. */
export function isAllowedExternalLink(raw: string): boolean {
  const url = parse(raw);
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname;
  return EXTERNAL_LINK_RULES.some((rule) => {
    const hostMatches = host === rule.host || (rule.subdomains === true && host.endsWith(`.${rule.host}`));
    if (!hostMatches) return false;
    if (!rule.pathPrefix) return true;
    return url.pathname === rule.pathPrefix || url.pathname.startsWith(`${rule.pathPrefix}/`);
  });
}

/**
 * True when `raw` is one of the app's own pages: same scheme and host as `appOrigin`
 * (`gerai://app` when packaged, the Vite dev server in development). Compares scheme + host rather
 * than `URL.origin`, which is "null" for custom schemes.
 */
export function isAppUrl(raw: string, appOrigin: string): boolean {
  const url = parse(raw);
  const app = parse(appOrigin);
  if (!url || !app || url.username || url.password) return false;
  return url.protocol === app.protocol && url.host === app.host;
}
