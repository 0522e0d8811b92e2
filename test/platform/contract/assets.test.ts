// SYNC-API.md, GET /v1/assets/{id}: the design image, with an ETag and long cache headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, Log, MINUTE, Mirror, TOKENS, expectProblem, postEvents, serverNow, startTestPlatform, uid, type Client, type TestPlatform } from './helpers';

let platform: TestPlatform;
let api: Client;
let assetIds: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  api = platform.api(TOKENS.quality);
  const admin = platform.api(TOKENS.admin);
  const log = new Log((await serverNow(admin)) + MINUTE);
  const customer = uid('asset-c');
  const project = uid('asset-p');
  log.customer(customer).wait(MINUTE).project(project, customer, 3 * DAY).wait(HOUR);
  for (let i = 0; i < 3; i++) {
    const designer = uid('asset-d');
    log.designer(designer).wait(MINUTE).submission(uid('asset-s'), project, designer).wait(MINUTE);
  }
  await postEvents(admin, log);
  const mirror = new Mirror(admin);
  await mirror.sync();
  assetIds = [...new Set(mirror.all('submission').map((s) => s.assetId))];
});
afterAll(async () => {
  await platform?.dispose();
});

function firstAsset(): string {
  const id = assetIds[0];
  if (id === undefined) throw new Error('no submission carries an assetId');
  return id;
}

const assetPath = (id: string): string => `/v1/assets/${encodeURIComponent(id)}`;

/** "Long" cache headers: at least a day, or marked immutable. */
function expectLongCache(cacheControl: string | null): void {
  expect(cacheControl, 'Cache-Control').not.toBeNull();
  const value = cacheControl ?? '';
  const maxAge = /max-age=(\d+)/.exec(value);
  expect(/immutable/.test(value) || Number(maxAge?.[1] ?? 0) >= 86_400, `Cache-Control: ${value}`).toBe(true);
  expect(value).not.toMatch(/no-store|no-cache/);
  // Served behind a bearer token: never for a shared cache.
  expect(value).toMatch(/\bprivate\b/);
  expect(value).not.toMatch(/\bpublic\b/);
}

describe('GET /v1/assets/{id}', () => {
  it('serves the design as an SVG image with an ETag and long cache headers', async () => {
    const reply = await api.get(assetPath(firstAsset()), { accept: 'image/*' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type') ?? '').toMatch(/^image\/svg\+xml/);
    expect(reply.text).toMatch(/<svg[\s>]/);
    expect(reply.headers.get('etag') ?? '').not.toBe('');
    expectLongCache(reply.headers.get('cache-control'));
  });

  it('answers If-None-Match with the current ETag with 304 and no body', async () => {
    const first = await api.get(assetPath(firstAsset()));
    const etag = first.headers.get('etag');
    if (etag === null) throw new Error('no ETag');
    const again = await api.get(assetPath(firstAsset()), { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('serves the same bytes and ETag every time', async () => {
    const a = await api.get(assetPath(firstAsset()));
    const b = await api.get(assetPath(firstAsset()));
    expect(b.text).toBe(a.text);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
  });

  it('serves different images for different asset ids', async () => {
    expect(assetIds.length).toBeGreaterThanOrEqual(2);
    const [a, b] = assetIds;
    if (a === undefined || b === undefined) throw new Error('unreachable');
    const [ra, rb] = await Promise.all([api.get(assetPath(a)), api.get(assetPath(b))]);
    expect(ra.status).toBe(200);
    expect(rb.status).toBe(200);
    expect(ra.text).not.toBe(rb.text);
    expect(ra.headers.get('etag')).not.toBe(rb.headers.get('etag'));
  });

  it('answers an unknown asset with a 404 problem', async () => {
    expectProblem(await api.get(assetPath('no-such-asset')), 404);
  });
});
