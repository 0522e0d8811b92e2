// The one Content-Security-Policy of the console's renderer: the Electron window sends it as a
// header and renderer/index.html carries it as a meta tag, and the browser host serves the page
// under it too (test/services/csp.test.ts keeps the three equal). Images come as data: URLs from
// assets.get; nothing is loaded from anywhere but the console itself.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
