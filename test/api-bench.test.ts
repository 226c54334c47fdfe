// The API bench's requests (src/bench/api-mix.ts) on a small seeded database: every kind draws
// parameters the API accepts, draws differ from one request to the next, and the pages they
// follow by cursor hold no incident twice.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../src/auth/accounts.js';
import { REQUEST_KINDS } from '../src/bench/api-mix.js';
import { seedIncidents, type SeededShape } from '../src/bench/seed.js';
import { seededRandom } from '../src/bench/corpus.js';
import { incidentPageSchema } from '../src/export/api.js';
import { buildApp } from '../src/serve/app.js';
import { Store } from '../src/store/index.js';

let store: Store;
let app: FastifyInstance;
let token: string;
let shape: SeededShape;

beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
  shape = await seedIncidents(store, 2000);
  const accounts = new Accounts(store);
  await accounts.addUser('bench', 'analyst', 'bench-password-not-secret');
  token = await accounts.createToken('bench', 'bench');
  app = await buildApp(store);
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

const list = async (parameters: Record<string, string>) => {
  const response = await app.inject({ url: `/api/incidents?${new URLSearchParams({ ...parameters, limit: '50' })}`, headers: { authorization: `Bearer ${token}` } });
  expect(response.statusCode, `${new URLSearchParams(parameters)}: ${response.body}`).toBe(200);
  return incidentPageSchema.parse(response.json());
};

describe('the API bench request mix', () => {
  it.each(Object.entries(REQUEST_KINDS))('%s: valid, varied parameters', async (_kind, draw) => {
    const random = seededRandom(7);
    const drawn = Array.from({ length: 12 }, () => draw(random, shape));
    expect(new Set(drawn.map((p) => JSON.stringify(p))).size).toBeGreaterThan(3);
    for (const parameters of drawn) {
      const page = await list(parameters);
      expect(page.total).toBeGreaterThanOrEqual(page.incidents.length);
    }
  });

  it('follows next_cursor through every page of a filter, as many as the total', async () => {
    const seen = new Set<string>();
    let page = await list({ country: 'SYRIA', sort: 'fatalities' });
    const total = page.total!;
    for (;;) {
      for (const incident of page.incidents) seen.add(incident.event_id);
      if (!page.next_cursor) break;
      page = await list({ country: 'SYRIA', sort: 'fatalities', cursor: page.next_cursor });
      expect(page.total).toBeNull();
    }
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThan(100);
  });
});
