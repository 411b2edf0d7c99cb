/**
 * Decides whether a request may reach the operations. A web page open in any
 * browser on the same PC must not be able to post to the kiosk, so:
 * - Host must name this server (defeats DNS rebinding: evil.example → 127.0.0.1);
 * - Origin, when the browser sends one (it always does on POST), must be this server;
 * - Sec-Fetch-Site, when sent, must be same-origin or none (typed by a person / a tool);
 * - operation calls must be JSON, which a cross-site form cannot send without a preflight.
 */
export interface GuardVerdict {
  ok: boolean;
  reason?: string;
}

export function checkRequest(
  headers: { host?: string | null; origin?: string | null; secFetchSite?: string | null },
  allowedHosts: ReadonlySet<string>,
  scheme: 'http' | 'https' = 'http',
): GuardVerdict {
  const host = headers.host?.toLowerCase() ?? '';
  if (!allowedHosts.has(host)) return { ok: false, reason: 'unknown Host' };
  if (headers.origin != null && headers.origin !== `${scheme}://${host}`)
    return { ok: false, reason: 'foreign Origin' };
  if (headers.secFetchSite != null && !['same-origin', 'none'].includes(headers.secFetchSite)) {
    return { ok: false, reason: 'cross-site request' };
  }
  return { ok: true };
}

/** Host header values that name this server when it listens on `port`. */
export function allowedHostsFor(port: number, addresses: readonly string[]): Set<string> {
  const hosts = new Set<string>();
  for (const address of ['127.0.0.1', 'localhost', '[::1]', ...addresses]) {
    const name = address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
    hosts.add(`${name.toLowerCase()}:${port}`);
  }
  return hosts;
}
