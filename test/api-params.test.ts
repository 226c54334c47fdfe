// The API under hostile parameters (issue 12, failure 5): NUL characters and numbers past the
// database's range answered 500; each now answers 400 with a message naming the parameter.
// Also the ingest endpoint's guard: only with the data directory's token.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyser } from '../src/pipeline/run.js';
import { buildApp } from '../src/serve/app.js';
import { Store } from '../src/store/index.js';

let store: Store;
let app: FastifyInstance;
const analyser = new Analyser({ threads: 1 });
/** The data directory's ingest token reads as an analyst. */
const asAnalyst = { authorization: 'Bearer secret-token' };

beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
  app = await buildApp(store, { ingestToken: 'secret-token', ingest: { analyser: () => analyser } });
});

afterAll(async () => {
  await app?.close();
  await analyser.close();
  await store?.close();
});

describe('bad parameters', () => {
  it('answers 400 naming the parameter, never 500', async () => {
    for (const [url, name] of [
      ['/api/incidents?q=%00', 'q'],
      ['/api/incidents?country=%00', 'country'],
      ['/api/incidents?event_type=a%00b', 'event_type'],
      ['/api/incidents?min_fatalities=99999999999999999999', 'min_fatalities'],
      ['/api/incidents/%00', 'id'],
      ['/api/reports/x%00', 'id'],
      ['/api/export?format=csv&q=%00', 'q'],
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: asAnalyst });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error, url).toContain(name);
    }
  });

  it('still answers good parameters', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/incidents?q=Aleppo&min_fatalities=1000000000', headers: asAnalyst })).statusCode).toBe(200);
  });
});

describe('POST /api/reports', () => {
  const report = { title: 'T', published: '2020-06-01', text: 'Three civilians were killed in shelling on Idlib on Tuesday.' };
  const post = (headers: Record<string, string>, payload: unknown) => app.inject({ method: 'POST', url: '/api/reports', headers, payload: payload as object });

  it('refuses a request without the token, or with another', async () => {
    expect((await post({}, [report])).statusCode).toBe(401);
    expect((await post({ authorization: 'Bearer wrong' }, [report])).statusCode).toBe(401);
    expect((await store.counts()).reports).toBe(0);
  });

  it('names what is wrong in a malformed item', async () => {
    const response = await post(asAnalyst, [{ ...report, published: 'June' }]);
    expect(response.statusCode).toBe(207);
    expect(response.json().results[0]).toMatchObject({ item: 0, status: 'error', error: 'published: must be YYYY-MM-DD' });
  });

  it('stores the reports and answers what was created', async () => {
    const response = await post(asAnalyst, [report]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: 1, failed: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/incidents', headers: asAnalyst })).json().incidents).toHaveLength(1);
  });
});
