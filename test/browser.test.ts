// The web page in headless Chromium: it lists incidents, opens one, highlights evidence, and
// shows hostile report text as text. Skipped (with one line) where Chromium is not installed.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/serve/app.js';
import { Store } from '../src/store/index.js';
import { processReport } from '../src/pipeline.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`Chromium not found at ${CHROMIUM}: skipping the browser test (apt-get install chromium)`);

describe.runIf(available)('web page in Chromium', () => {
  let store: Store;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    store = await Store.open({ dataDir: 'memory://' });
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
    const app = await buildApp(store);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = () => app.close();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    await store?.close();
  });

  it('lists, opens and highlights without running report text', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/`);
    await page.locator('#incidents tr').first().click();
    await expect.poll(() => page.locator('#detail mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#detail').innerText()).toContain('killed 3 villagers');
    await page.getByRole('button', { name: 'Show text' }).first().click();
    await expect.poll(() => page.locator('#detail').innerText()).toContain('<script>window.pwned=1</script>');
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('#detail img, #detail script, #detail b').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
