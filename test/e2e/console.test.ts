// The console end to end: Chromium (Debian's, through playwright-core) against the browser host
// started as `npm run serve` starts it, signed in to a real reference platform on loopback. Each
// scenario works through the keyboard or the buttons a moderator uses, then asks the platform
// itself what happened.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mirror } from '../platform/contract/helpers';
import { waitFor } from '../services/helpers';
import { COLOUR_RULES, axeProblems, hasChromium, launchChromium, newPage, rendererBuilt, screenshot, startE2EPlatform, startHost, stopAllHosts, tempDir, type AxeFinding, type E2EHost, type E2EPlatform } from './harness';
import { seedHeld, seedPending } from './seed';

const ready = hasChromium && rendererBuilt;
if (!ready) console.warn(`e2e skipped: ${hasChromium ? '' : '/usr/bin/chromium is missing (apt-get install -y chromium); '}${rendererBuilt ? '' : 'the renderer is not built (npm run build)'}`);

let browser: Browser;
let platform: E2EPlatform;
let dir: { path: string; remove(): Promise<void> };

async function statusOnPlatform(id: string): Promise<{ status: string; reasonCode?: string }> {
  const mirror = new Mirror(platform.admin);
  await mirror.sync();
  const s = mirror.get('submission', id);
  return { status: s.status, ...(s.decision?.reasonCode === undefined ? {} : { reasonCode: s.decision.reasonCode }) };
}

async function openConsole(host: E2EHost, route: string): Promise<Page> {
  const { page } = await newPage(browser);
  await page.goto(host.link);
  await page.waitForSelector('[data-testid="link-state"]', { timeout: 30_000 });
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, route);
  return page;
}

const shownItem = (page: Page) => page.locator('[data-testid="item-screen"]').getAttribute('data-item-id');

describe.skipIf(!ready)('the console in Chromium', () => {
  beforeAll(async () => {
    dir = await tempDir('console-e2e-');
    platform = await startE2EPlatform(dir.path);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopAllHosts();
    await platform?.stop();
    await dir?.remove();
  }, 60_000);

  it('a quality moderator works through held designs with the keyboard only, and the platform has the results', async () => {
    const batch = await seedHeld(platform.admin, 'kb', 3);
    const [s1, s2, s3] = batch.submissionIds;
    const host = await startHost({ platformUrl: platform.url, platformToken: 'dev-quality', dataDir: `${dir.path}/quality`, undoSeconds: 2 });
    // A fresh workspace: its first sync (slow on a busy CI machine) brings the items first.
    await host.api.sync.now({});
    const page = await openConsole(host, `/queues/held?designer=${batch.designerId}`);
    await page.waitForSelector(`[role="row"][aria-selected="true"][data-row-id="${s1}"]`, { timeout: 30_000 });

    await page.keyboard.press('Enter');
    await waitFor('the first item', async () => (await shownItem(page)) === s1);
    await page.getByTestId('why').waitFor();
    expect(await page.getByTestId('why').textContent()).toContain('Held: logo rating 1.00 over 1 rated design is below 2.5');

    await page.keyboard.press('a');
    await waitFor('the second item after approving', async () => (await shownItem(page)) === s2);
    await page.getByText(/Approved — sending in \d s/).waitFor();

    await page.keyboard.press('r');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await waitFor('the third item after rejecting', async () => (await shownItem(page)) === s3);

    await page.keyboard.press('u');
    await waitFor('back on the second item after undoing', async () => (await shownItem(page)) === s2);
    await page.getByText('Undone — the design is back in its queue.').waitFor();
    // The item reloads without its pending decision before the decision keys act on it again.
    await page.getByTestId('decision-state').waitFor({ state: 'detached' });

    await page.keyboard.press('r');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await waitFor('the third item again', async () => (await shownItem(page)) === s3);

    await waitFor('the platform to have both decisions', async () => (await statusOnPlatform(s2 ?? '')).status === 'rejected', 30_000, 250);
    expect(await statusOnPlatform(s1 ?? '')).toEqual({ status: 'visible' });
    expect(await statusOnPlatform(s2 ?? '')).toEqual({ status: 'rejected', reasonCode: 'below_quality_standard' });
    expect(await statusOnPlatform(s3 ?? '')).toEqual({ status: 'held' });
    await page.locator('[data-testid="outbox"]', { hasText: '0 waiting' }).waitFor();
    await page.context().close();
    await host.stop();
  }, 240_000);

  it('a 48-hour review approved inside the launch window shows as scheduled', async () => {
    const pending = await seedPending(platform.admin, 'sla');
    const host = await startHost({ platformUrl: platform.url, platformToken: 'dev-quality', dataDir: `${dir.path}/quality48`, undoSeconds: 1 });
    await host.api.sync.now({});
    const page = await openConsole(host, `/queues/review?designer=${pending.designerId}`);
    await page.waitForSelector(`[role="row"][data-row-id="${pending.submissionId}"]`, { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.getByTestId('why').waitFor();
    await page.getByRole('button', { name: /Approve/ }).click();
    await waitFor('the platform to schedule it', async () => (await statusOnPlatform(pending.submissionId)).status === 'scheduled', 30_000, 250);
    await page.evaluate((id) => {
      window.location.hash = `/items/submission/${id}`;
    }, pending.submissionId);
    await page.getByTestId('decision-state').filter({ hasText: 'now scheduled' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('countdown').textContent()).toMatch(/^Approved, shown when the launch window ends — shown in \d h \d\d min/);
    await page.context().close();
    await host.stop();
  }, 240_000);

  it('keeps decisions while the platform is down, says so, and sends them when it is back', async () => {
    const batch = await seedHeld(platform.admin, 'off', 1);
    const [id] = batch.submissionIds;
    const host = await startHost({ platformUrl: platform.url, platformToken: 'dev-quality', dataDir: `${dir.path}/offline`, undoSeconds: 1 });
    await host.api.sync.now({});
    const page = await openConsole(host, `/queues/held/${id ?? ''}`);
    await page.getByTestId('why').waitFor({ timeout: 30_000 });
    await platform.stop();
    try {
      await page.getByTestId('link-state').filter({ hasText: /^Offline/ }).waitFor({ timeout: 60_000 });
      await page.keyboard.press('a');
      await page.getByTestId('link-state').filter({ hasText: 'Offline — 1 decision waits and will be sent when the platform is back' }).waitFor({ timeout: 30_000 });
      await page.getByText(/saved here; it waits in the outbox/).waitFor({ timeout: 30_000 });
      await screenshot(page, 'offline-light');
    } finally {
      await platform.restart();
    }
    await page.getByTestId('link-state').filter({ hasText: /^Online$/ }).waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="outbox"]', { hasText: '0 waiting' }).waitFor({ timeout: 60_000 });
    expect(await statusOnPlatform(id ?? '')).toEqual({ status: 'visible' });
    await page.context().close();
    await host.stop();
  }, 300_000);

  it('two moderators decide the same design: the second sees the conflict, with what the first decided', async () => {
    const batch = await seedHeld(platform.admin, 'two', 1);
    const [id] = batch.submissionIds;
    const first = await startHost({ platformUrl: platform.url, platformToken: 'dev-quality', dataDir: `${dir.path}/first`, undoSeconds: 1 });
    await first.api.sync.now({});
    const second = await startHost({ platformUrl: platform.url, platformToken: 'dev-admin', dataDir: `${dir.path}/second`, undoSeconds: 4 });
    await second.api.sync.now({});
    const a = await openConsole(first, `/queues/held/${id ?? ''}`);
    await a.getByTestId('why').waitFor({ timeout: 30_000 });
    const b = await openConsole(second, `/queues/held/${id ?? ''}`);
    await b.getByTestId('why').waitFor({ timeout: 30_000 });
    // The first opened it first, so the platform gave it the claim; the second sees who looks.
    await b.getByTestId('lookers').filter({ hasText: 'Quality (dev) is also looking' }).waitFor({ timeout: 30_000 });

    await a.keyboard.press('r');
    await a.keyboard.press('3');
    await a.keyboard.press('Enter');
    await b.keyboard.press('a');

    await b.getByText('Decided elsewhere first').waitFor({ timeout: 60_000 });
    await b.getByTestId('conflicts').filter({ hasText: '1 conflict' }).waitFor({ timeout: 30_000 });
    await b.getByRole('button', { name: 'Open' }).click();
    const card = b.getByTestId('conflict');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/You: approved · Quality \(dev\): rejected \(copyright concern\)/);
    expect(await statusOnPlatform(id ?? '')).toEqual({ status: 'rejected', reasonCode: 'copyright_concern' });
    await a.context().close();
    await b.context().close();
    await first.stop();
    await second.stop();
  }, 300_000);

  it('an auditor sees the queues and the items, and no decision control anywhere', async () => {
    const batch = await seedHeld(platform.admin, 'aud', 1);
    const host = await startHost({ platformUrl: platform.url, platformToken: 'dev-auditor', dataDir: `${dir.path}/auditor`, undoSeconds: 1 });
    await host.api.sync.now({});
    const page = await openConsole(host, `/queues/held?designer=${batch.designerId}`);
    await page.waitForSelector('[role="row"][aria-selected="true"]', { timeout: 30_000 });
    expect(await page.locator('[role="grid"] input[type="checkbox"]').count()).toBe(0);
    await page.keyboard.press('x');
    await page.keyboard.press('Shift+A');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.getByTestId('read-only').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: /Approve|Reject|Undo/ }).count()).toBe(0);
    await page.keyboard.press('a');
    await page.keyboard.press('r');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    expect((await host.api.decisions.list({})).items).toEqual([]);
    await page.context().close();
    await host.stop();
  }, 240_000);

  it('every screen, light and dark: no serious or critical axe violation, and a screenshot', async () => {
    const held = await seedHeld(platform.admin, 'tour', 4);
    // The admin's workspace of the conflict scenario (if it ran): its conflict list is not empty.
    const host = await startHost({ platformUrl: platform.url, platformToken: 'dev-admin', dataDir: `${dir.path}/second`, undoSeconds: 5 });
    const signedOut = await startHost({ platformUrl: platform.url, platformToken: 'not-a-token', dataDir: `${dir.path}/signed-out`, undoSeconds: 5 });
    const found: (AxeFinding & { screen: string })[] = [];
    await waitFor('the tour’s items in the cache', async () => (await host.api.queues.page({ queue: 'held', filter: { designerId: held.designerId } })).total === 4, 60_000, 500);
    const firstHeld = held.submissionIds[0] ?? '';

    for (const theme of ['light', 'dark'] as const) {
      await host.api.settings.set({ theme });
      const { page, errors } = await newPage(browser, theme);
      await page.goto(host.link);
      await page.waitForSelector('[data-testid="link-state"]', { timeout: 30_000 });
      const visit = async (name: string, route: string | null, ready: (p: Page) => Promise<unknown>) => {
        if (route !== null) {
          await page.evaluate((hash) => {
            window.location.hash = hash;
          }, route);
        }
        await ready(page);
        await page.waitForTimeout(400);
        for (const v of await axeProblems(page, theme === 'dark' ? COLOUR_RULES : undefined)) found.push({ ...v, screen: `${name}-${theme}` });
        await screenshot(page, `${name}-${theme}`);
      };
      const heading = (name: string | RegExp) => (p: Page) => p.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });

      await visit('held', '/queues/held', (p) => p.waitForSelector('[role="row"][aria-selected="true"]', { timeout: 30_000 }));
      await visit('review', '/queues/review', (p) => p.waitForSelector('[role="row"][aria-selected="true"]', { timeout: 30_000 }));
      await visit('item', `/queues/held/${firstHeld}`, (p) => p.getByTestId('why').waitFor({ timeout: 30_000 }));
      await page.keyboard.press('r');
      await page.keyboard.press('2');
      await visit('item-rejecting', null, (p) => p.getByText('Reject: does not answer the brief').waitFor());
      await visit('batch', `/queues/held?designer=${held.designerId}`, async (p) => {
        await p.waitForSelector(`[role="row"][aria-selected="true"][data-row-id="${firstHeld}"]`, { timeout: 30_000 });
        await p.keyboard.press('x');
        await p.keyboard.press('j');
        await p.keyboard.press('Shift+X');
        await p.keyboard.press('Shift+R');
        await p.getByRole('dialog').getByText('What will change').waitFor();
        await p.getByRole('dialog').getByRole('cell', { name: 'Rejected' }).first().waitFor({ timeout: 30_000 });
      });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await visit('palette', null, async (p) => {
        await p.keyboard.press('Control+K');
        await p.getByRole('textbox', { name: 'Search or jump' }).fill('48');
        await p.getByText('48-hour reviews').first().waitFor();
      });
      await page.keyboard.press('Escape');
      await visit('shortcuts', null, async (p) => {
        await p.getByRole('dialog').waitFor({ state: 'detached' });
        await p.keyboard.press('Shift+?');
        await p.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      });
      await page.keyboard.press('Escape');
      await visit('conflicts', '/conflicts', heading('Conflicts'));
      await visit('settings', '/settings', heading('Settings'));
      await visit('not-found', '/no/such/screen', (p) => p.getByText('This screen does not exist').waitFor());
      expect(errors).toEqual([]);
      await page.context().close();

      await signedOut.api.settings.set({ theme });
      const out = await newPage(browser, theme);
      await out.page.goto(signedOut.link);
      await out.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 30_000 });
      await out.page.waitForTimeout(300);
      for (const v of await axeProblems(out.page, theme === 'dark' ? COLOUR_RULES : undefined)) found.push({ ...v, screen: `sign-in-${theme}` });
      await screenshot(out.page, `sign-in-${theme}`);
      await out.page.context().close();
    }
    await host.api.settings.set({ theme: 'light' });
    await host.stop();
    await signedOut.stop();
    expect(found).toEqual([]);
  }, 600_000);
});
