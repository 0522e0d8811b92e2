// Which page is the console's own (IPC senders, navigation, the CSP header all ask this), the
// allow-list of links that may open in the system browser, and the CSP header itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appUrls, isTrustedSender } from '../../electron/main/app-url';
import { withContentSecurityPolicy } from '../../electron/main/csp-header';
import { externalHostOf, isAllowedExternalUrl } from '../../electron/main/external-links';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/security/csp';

const packaged = appUrls({ indexHtml: '/opt/Moderation Console/resources/app.asar/out/renderer/index.html', packaged: true });

describe('the console page', () => {
  it('is the built index.html (any hash or query), loaded as a file URL', () => {
    expect(packaged.entry).toBe('file:///opt/Moderation%20Console/resources/app.asar/out/renderer/index.html');
    expect(packaged.isAppUrl(`${packaged.entry}#/queues/review?overdue=1`)).toBe(true);
    expect(packaged.isAppUrl('file:///opt/Moderation%20Console/resources/app.asar/out/renderer/assets/x.html')).toBe(false);
    expect(packaged.isAppUrl('file://otherhost/opt/Moderation%20Console/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(packaged.isAppUrl('not a url')).toBe(false);
  });

  it('is the dev server only in a development run, and only on loopback http', () => {
    const dev = appUrls({ indexHtml: '/x/index.html', devServerUrl: 'http://localhost:5173/', packaged: false });
    expect(dev.entry).toBe('http://localhost:5173/');
    expect(dev.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppUrl('file:///x/index.html')).toBe(false);

    const shipped = appUrls({ indexHtml: '/x/index.html', devServerUrl: 'http://localhost:5173/', packaged: true });
    expect(shipped.entry).toBe('file:///x/index.html');
    expect(shipped.isAppUrl('http://localhost:5173/')).toBe(false);

    for (const elsewhere of ['https://localhost:5173/', 'http://evil.example:5173/', 'http://10.0.0.5:5173/', 'file:///tmp/x.html']) {
      expect(appUrls({ indexHtml: '/x/index.html', devServerUrl: elsewhere, packaged: false }).entry).toBe('file:///x/index.html');
    }
  });

  it.each([
    [{ frameUrl: `${packaged.entry}#/`, isMainFrame: true, isConsoleWindow: true }, true],
    [{ frameUrl: `${packaged.entry}#/`, isMainFrame: false, isConsoleWindow: true }, false],
    [{ frameUrl: `${packaged.entry}#/`, isMainFrame: true, isConsoleWindow: false }, false],
    [{ frameUrl: 'https://evil.example/', isMainFrame: true, isConsoleWindow: true }, false],
    [{ frameUrl: null, isMainFrame: true, isConsoleWindow: true }, false],
  ])('an IPC sender %o is trusted: %s', (facts, trusted) => {
    expect(isTrustedSender(facts, packaged)).toBe(trusted);
  });
});

describe('links to the system browser', () => {
  const hosts = new Set(['platform.example.com', 'platform.example.com:8443']);

  it.each([
    ['https://platform.example.com/items/1', true],
    ['https://PLATFORM.example.com/', true],
    ['https://platform.example.com:8443/x', true],
    ['https://platform.example.com:9999/x', false],
    ['http://platform.example.com/', false],
    ['https://user:pass@platform.example.com/', false],
    ['https://platform.example.com.evil.example/', false],
    ['https://evil.example/?platform.example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['ms-settings:', false],
    ['', false],
    [`https://platform.example.com/${'a'.repeat(3000)}`, false],
  ])('%s: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(allowed);
  });

  it('allow-lists the signed-in platform only when it speaks https', () => {
    expect(externalHostOf('https://Platform.example.com/')).toBe('platform.example.com');
    expect(externalHostOf('http://127.0.0.1:8787')).toBeNull();
    expect(externalHostOf(undefined)).toBeNull();
    expect(externalHostOf('nonsense')).toBeNull();
  });
});

describe('the Content-Security-Policy', () => {
  it('is the same in the page’s meta tag as in the header main sends', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('goes on the console’s own page as a header, replacing any policy of the same name in any case', () => {
    const headers = withContentSecurityPolicy(`${packaged.entry}#/`, { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] }, packaged);
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(packaged.entry, undefined, packaged)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('leaves other responses alone', () => {
    expect(withContentSecurityPolicy('https://platform.example.com/v1/meta', { a: ['b'] }, packaged)).toBeNull();
  });
});
