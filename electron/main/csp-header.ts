// The console's Content-Security-Policy as a response header (the page also carries it as a
// meta tag). Only the console's own page gets it; any header of the same name from elsewhere
// is replaced, whatever its case, so a response cannot bring a looser policy of its own.
import { CONTENT_SECURITY_POLICY } from '../services/security/csp';
import type { AppUrls } from './app-url';

export type ResponseHeaders = Record<string, string | string[]>;

/** The headers to answer with, or null to leave the response as it came. */
export function withContentSecurityPolicy(url: string, headers: ResponseHeaders | undefined, urls: Pick<AppUrls, 'isAppUrl'>): ResponseHeaders | null {
  if (!urls.isAppUrl(url)) return null;
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
