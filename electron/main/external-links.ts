// Which links may leave the console for the system browser: https only, no credentials in the
// URL, and only to hosts on the allow-list (the platform the moderator is signed in to, when it
// speaks https). Everything else is dropped: a link in synced content must not open a
// file://, a custom protocol handler or a look-alike site.

export const MAX_EXTERNAL_URL_LENGTH = 2048;

export function isAllowedExternalUrl(url: string, allowedHosts: ReadonlySet<string>): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return allowedHosts.has(parsed.host.toLowerCase());
}

/** The allow-list entry of a platform address: its host, when it is https; none otherwise. */
export function externalHostOf(platformUrl: string | undefined): string | null {
  if (platformUrl === undefined) return null;
  try {
    const parsed = new URL(platformUrl);
    return parsed.protocol === 'https:' ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}
