/**
 * Which Bot Connector hosts the bot may talk to. botbuilder sends the bot's access token to whatever
 * `serviceUrl` an activity or a stored reference names (its own allowlist was removed in 2020), so
 * with credentials we only keep and use Microsoft's hosts and the operator's extra prefixes.
 */

/** Public cloud, GCC, GCC High and DoD Bot Connector hosts. */
const MICROSOFT_HOSTS = new Set([
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
]);
const MICROSOFT_SUFFIXES = ['.botframework.com', '.botframework.us', '.botframework.azure.us', '.teams.microsoft.com', '.teams.microsoft.us'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isMicrosoft(url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return MICROSOFT_HOSTS.has(host) || MICROSOFT_SUFFIXES.some((s) => host.endsWith(s));
}

/** Same scheme, host and port, and the path continues the prefix at a `/` boundary. */
function underPrefix(url: URL, prefix: URL): boolean {
  if (url.protocol !== prefix.protocol || url.host.toLowerCase() !== prefix.host.toLowerCase()) return false;
  const base = prefix.pathname.endsWith('/') ? prefix.pathname : `${prefix.pathname}/`;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return path.startsWith(base);
}

/** A predicate telling whether the bot may send its token to a serviceUrl. */
export function serviceUrlTrust(extraPrefixes: readonly string[]): (serviceUrl: string) => boolean {
  const extras = extraPrefixes.map(parse).filter((u): u is URL => u !== null);
  return (serviceUrl) => {
    const url = parse(serviceUrl);
    if (!url || url.username !== '' || url.password !== '') return false;
    return isMicrosoft(url) || extras.some((prefix) => underPrefix(url, prefix));
  };
}
