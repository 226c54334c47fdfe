// The workbench in headless Chromium (Debian's `chromium`, driven by playwright-core), on the
// bundled sample: sign in, brush the timeline, open the Raqqa incident and see its evidence
// highlighted, accept it as an analyst; a viewer cannot review; hostile report text runs nothing;
// an admin adds an analyst, creates a token and opens the public reading, which an analyst cannot.
// Screenshots go to test-artifacts/. Chromium is required: a missing browser fails the suite
// (`.ci/run` installs it), it is never skipped.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSample } from '../src/cli/commands/start.js';
import { Analyser } from '../src/pipeline/run.js';
import { processReport } from '../src/pipeline/index.js';
import { buildApp } from '../src/serve/app.js';
import { Store } from '../src/store/index.js';
import { addPeople, PASSWORD } from './fixtures/serve/people.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../test-artifacts/', import.meta.url).pathname;
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install -y chromium; .ci/run does this)`);

let store: Store;
let browser: Browser;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
  const analyser = new Analyser({ threads: 1 });
  try {
    await ingestSample(store, analyser);
  } finally {
    await analyser.close();
  }
  await processReport(
    {
      origin: 'hostile',
      url: 'javascript:alert(1)',
      title: '<img src=x onerror="window.pwned=1">',
      sourceName: '<b>Evil</b>',
      published: '2020-05-02',
      format: 'text',
      content: 'On 1 May 2020, gunmen killed 3 villagers in Kaduna. <script>window.pwned=1</script> Police said <img src=x onerror="window.pwned=1"> nothing.',
    },
    store,
  );
  await addPeople(store);
  const app = await buildApp(store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = () => app.close();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  await store?.close();
});

/** A page signed in as `name`, failing the test on any script error or request to another host. */
async function signedIn(name: string, options: { width?: number; dark?: boolean; password?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1440, height: 1000 }, colorScheme: options.dark ? 'dark' : 'light' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) errors.push(`request to ${request.url()}`);
  });
  await page.goto(`${base}/`);
  await page.fill('#signin input[name=name]', name);
  await page.fill('#signin input[name=password]', options.password ?? PASSWORD);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#incidents tbody tr');
  return { page, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png` });

describe('the workbench', () => {
  it('filters by brushing the timeline, opens the Raqqa incident with its evidence, and lets an analyst accept it', async () => {
    const { page, errors } = await signedIn('analyst');
    await expect.poll(() => page.locator('#total').innerText()).toMatch(/^\d+ incidents$/);
    const before = Number((await page.locator('#total').innerText()).split(' ')[0]);
    await page.waitForSelector('#timeline svg .bar');
    await page.waitForSelector('.leaflet-interactive, .cluster');
    await shot(page, 'list-1440');

    // Brush the first bars of the timeline: the URL and the list take the span.
    const box = (await page.locator('#timeline svg').boundingBox())!;
    await page.mouse.move(box.x + 38, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2014-11-01');
    await expect.poll(async () => Number((await page.locator('#total').innerText()).split(' ')[0])).toBeLessThan(before);
    await expect.poll(() => page.locator('#incidents tbody tr').first().innerText()).toContain('Raqqah');
    await shot(page, 'list-brushed');

    await page.locator('#incidents tbody tr', { hasText: 'Raqqah' }).first().click();
    const mark = page.locator('.report-text mark', { hasText: /at least 63/i });
    await expect.poll(() => mark.count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('incident');
    await page.locator('table.claims tbody tr').first().click();
    await expect.poll(() => page.locator('mark.flash').count()).toBe(1);
    await shot(page, 'incident-1440');

    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('.review-bar .status').innerText()).toBe('accepted');
    expect(await page.locator('.review-bar').innerText()).toContain('by analyst');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a viewer accepted incidents only, without review buttons, and the API refuses a viewer’s review', async () => {
    const [raqqa] = await store.listIncidents({ q: 'Raqqah' });
    await store.setReview(raqqa!.id, 'accepted', 'analyst');
    const { page, errors } = await signedIn('viewer', { width: 390, dark: true });
    const rows = page.locator('#incidents tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const status of await page.locator('#incidents .status').allInnerTexts()) expect(status).toBe('accepted');
    await shot(page, 'list-390-dark');
    await rows.first().click();
    await page.waitForSelector('.report-text');
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await page.locator('#edit, #merge, #split').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Review queue' }).count()).toBe(0);
    await shot(page, 'incident-390-dark');
    const id = new URL(page.url()).searchParams.get('id');
    const status = await page.evaluate(async (incident) => {
      const session = (await (await fetch('/api/session')).json()) as { csrf_token: string };
      return (await fetch(`/api/incidents/${incident}/reject`, { method: 'POST', headers: { 'x-csrf-token': session.csrf_token } })).status;
    }, id);
    expect(status).toBe(403);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the list by the map’s visible area, and keeps that area in the URL', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.check('#filters input[name=area]');
    await expect.poll(() => new URL(page.url()).searchParams.get('bbox')).toMatch(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/);
    // The total of the area shown, once the list has one (it reads "loading…" until then).
    await expect.poll(() => page.locator('#total').innerText()).toMatch(/^\d+ incidents?$/);
    const whole = Number((await page.locator('#total').innerText()).split(' ')[0]);
    // One zoom at a time: each one moves the map, which re-filters the list and redraws the page.
    const bbox = () => new URL(page.url()).searchParams.get('bbox');
    for (let i = 0; i < 5; i++) {
      const before = bbox();
      await page.locator('.leaflet-control-zoom-in').click();
      await expect.poll(bbox).not.toBe(before);
      await page.waitForSelector('#incidents');
    }
    await expect.poll(async () => Number((await page.locator('#total').innerText()).split(' ')[0])).toBeLessThan(whole);
    const area = new URL(page.url()).searchParams.get('bbox');
    await page.reload();
    await expect.poll(() => page.locator('#total').innerText()).toMatch(/^\d+ incidents?$/);
    expect(new URL(page.url()).searchParams.get('bbox')).toBe(area);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('corrects a field by hand and shows it in the history', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.locator('#incidents tbody tr', { hasText: 'Gardez' }).first().click();
    await page.waitForSelector('#edit');
    await page.selectOption('#edit select[name=field]', 'actor2');
    await page.fill('#edit input[name=value]', 'Civilians (Afghanistan)');
    await page.fill('#edit input[name=reason]', 'the report names the victims');
    await page.click('#edit button[type=submit]');
    await expect.poll(() => page.locator('#history').innerText()).toContain('analyst set — “the report names the victims”');
    expect(await page.locator('.fields').innerText()).toContain('Civilians (Afghanistan)');
    await shot(page, 'incident-corrected');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reviews from the keyboard', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.getByRole('button', { name: 'Review queue' }).click();
    await page.waitForSelector('#queue li');
    const count = await page.locator('#queue li').count();
    const first = await page.locator('#queue li.selected').getAttribute('data-id');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('#queue li').count()).toBe(count - 1);
    expect((await store.review(first!))?.status).toBe('accepted');
    await shot(page, 'review-queue');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile report text as text and runs none of it', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.fill('#filters input[name=q]', 'Kaduna');
    await page.press('#filters input[name=q]', 'Enter');
    await expect.poll(() => page.locator('#incidents tbody tr').count()).toBe(1);
    await page.locator('#incidents tbody tr').first().click();
    await expect.poll(() => page.locator('.report-text').innerText()).toContain('<script>window.pwned=1</script>');
    expect(await page.locator('.report h4').innerText()).toBe('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an admin add an analyst, create a token and turn public reading on; an analyst cannot open the page', async () => {
    const { page, errors } = await signedIn('admin');
    // Signed in before the public may read: then the page opens on the list, without the sign-in form.
    const narrow = await signedIn('admin', { width: 390, dark: true });
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.waitForSelector('#users tbody tr');
    expect(new URL(page.url()).searchParams.get('view')).toBe('admin');

    // A new analyst with a generated password, shown once.
    await page.fill('#add-user input[name=name]', 'layla');
    await page.selectOption('#add-user select[name=role]', 'analyst');
    await page.click('#add-user button[type=submit]');
    await expect.poll(() => page.locator('#admin-status').innerText()).toBe('Added analyst layla.');
    const password = await page.locator('#secret-value').innerText();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await page.locator('#users tr[data-user=layla] select').inputValue()).toBe('analyst');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.locator('#secret-value').count()).toBe(0);

    // A token for her; its label is shown as text, never markup.
    const label = '<img src=x onerror="window.pwned=1">';
    await page.selectOption('#create-token select[name=user]', 'layla');
    await page.fill('#create-token input[name=label]', label);
    await page.click('#create-token button[type=submit]');
    await expect.poll(() => page.locator('#secret-value').count()).toBe(1);
    const token = await page.locator('#secret-value').innerText();
    expect(token).toMatch(/^vgl_/);
    expect(await page.locator('#tokens tbody tr', { hasText: 'layla' }).locator('td').nth(2).innerText()).toBe(label);
    expect((await fetch(`${base}/api/reports`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    // Public reading on: the public reads accepted incidents without signing in.
    expect((await fetch(`${base}/api/incidents`)).status).toBe(401);
    await page.check('#public-read');
    await expect.poll(() => page.locator('#admin-status').innerText()).toBe('Accepted incidents are public.');
    expect((await fetch(`${base}/api/incidents`)).status).toBe(200);
    await shot(page, 'admin-1440');
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();

    await narrow.page.goto(`${base}/?view=admin`);
    await narrow.page.waitForSelector('#tokens tbody tr');
    expect(await narrow.page.isChecked('#public-read')).toBe(true);
    // Nothing wider than the screen: the page does not scroll sideways.
    const { scrollWidth } = (await narrow.page.evaluate('({ scrollWidth: document.documentElement.scrollWidth })')) as { scrollWidth: number };
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await shot(narrow.page, 'admin-390-dark');
    await narrow.page.uncheck('#public-read');
    await expect.poll(() => narrow.page.locator('#admin-status').innerText()).toBe('Only signed-in people read incidents.');
    expect((await fetch(`${base}/api/incidents`)).status).toBe(401);
    expect(narrow.errors).toEqual([]);
    await narrow.page.close();

    // The new analyst signs in with the generated password, sees no Admin button, and the page and API refuse her.
    const analyst = await signedIn('layla', { password });
    expect(await analyst.page.getByRole('button', { name: 'Admin' }).count()).toBe(0);
    await analyst.page.goto(`${base}/?view=admin`);
    await expect.poll(() => analyst.page.locator('#refused').innerText()).toContain('Only admins');
    expect(await analyst.page.locator('#users, #tokens, #settings').count()).toBe(0);
    const refused = await analyst.page.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrf_token: string };
      const users = (await fetch('/api/users')).status;
      const settings = (await fetch('/api/settings', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token }, body: '{"public_read":true}' })).status;
      return [users, settings];
    });
    expect(refused).toEqual([403, 403]);
    await shot(analyst.page, 'admin-refused');
    expect(analyst.errors).toEqual([]);
    await analyst.page.close();
  });
});
