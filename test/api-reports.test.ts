// POST /api/reports: text, HTML or a URL the server fetches, one item or a list; the answer says
// item by item what was stored and which incidents it created or joined, and a bad item costs no
// other. Analysts and admins only; the fetcher keeps refusing private addresses unless allowed.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyser } from '../src/pipeline/run.js';
import { buildApp } from '../src/serve/app.js';
import { MAX_REPORTS_PER_REQUEST, MAX_URLS_PER_REQUEST, reportsAnswerSchema } from '../src/serve/routes/ingest.js';
import { Store } from '../src/store/index.js';
import { addPeople, PASSWORD, type Tokens } from './fixtures/serve/people.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SEED = read('../samples/raqqa-airstrikes-2014-11-25.txt');
const WIRE_COPY = read('fixtures/reconcile/raqqa-wire-copy.txt');
const LATER_TOLL = read('fixtures/reconcile/raqqa-later-toll.txt');
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => `<p>${p.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`).join('');

let store: Store;
let app: FastifyInstance;
/** The same store served by a server started with --allow-private. */
let privateApp: FastifyInstance;
let tokens: Tokens;
let site: Server;
let siteUrl: string;
const analyser = new Analyser({ threads: 1 });

beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
  tokens = await addPeople(store);
  app = await buildApp(store, { ingest: { analyser: () => analyser } });
  privateApp = await buildApp(store, { ingest: { analyser: () => analyser, allowPrivate: true } });
  site = createServer((request, response) => {
    if (request.url === '/later-toll') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>A later toll</title></head><body><article>${paragraphs(LATER_TOLL)}</article></body></html>`);
    if (request.url === '/feed') return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>x</title><link>http://127.0.0.1/later-toll</link></item></channel></rss>');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  site?.close();
  await app?.close();
  await privateApp?.close();
  await analyser.close();
  await store?.close();
});

type Who = keyof Tokens | 'anonymous';
const post = (who: Who, payload: unknown, server = app, headers: InjectOptions['headers'] = {}) =>
  server.inject({ method: 'POST', url: '/api/reports', payload: payload as object, headers: { ...headers, ...(who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` }) } });

describe('POST /api/reports', () => {
  it('refuses viewers and the public, and stores nothing', async () => {
    const item = { text: SEED, published: '2014-11-26' };
    expect((await post('viewer', item)).statusCode).toBe(403);
    expect((await post('anonymous', item)).statusCode).toBe(401);
    // Refused before the body is read: a malformed one gets the same answer.
    expect((await post('viewer', '{"text": ', app, { 'content-type': 'application/json' })).statusCode).toBe(403);
    expect((await store.counts()).reports).toBe(0);
  });

  it('reads one text item and answers its report and the incident it created', async () => {
    const response = await post('analyst', { text: SEED, published: '2014-11-26', source: 'Example News' });
    expect(response.statusCode, response.body).toBe(200);
    const answer = reportsAnswerSchema.parse(response.json());
    expect(answer).toMatchObject({ created: 1, existing: 0, failed: 0 });
    const [result] = answer.results;
    expect(result).toMatchObject({ item: 0, status: 'created', published: '2014-11-26', error: null });
    expect(result!.short_id).toBe(result!.report_id!.slice(0, 12));
    expect(result!.incidents).toHaveLength(1);
    expect(result!.incidents[0]!.created).toBe(true);
    expect((await store.incidentsOfReport(result!.report_id!)).map((l) => l.incidentId)).toEqual([result!.incidents[0]!.event_id]);
  });

  it('reads a list; a report already stored, one joining an incident and bad items are each answered, and the bad ones cost no other (207)', async () => {
    const seedIncident = (await store.listIncidents())[0]!.id;
    const response = await post('admin', [
      { text: SEED, published: '2014-11-26' },
      { colour: 'red' },
      { html: `<html><body><article>${paragraphs(WIRE_COPY)}</article></body></html>`, url: 'https://wire.example/raqqa', published: '2014-11-26' },
      { text: 'x', published: 'yesterday' },
      { text: '   ' },
    ]);
    expect(response.statusCode, response.body).toBe(207);
    const answer = reportsAnswerSchema.parse(response.json());
    expect(answer).toMatchObject({ created: 1, existing: 1, failed: 3 });
    expect(answer.results.map((r) => r.status)).toEqual(['existing', 'error', 'created', 'error', 'error']);
    expect(answer.results[0]!.incidents).toEqual([{ event_id: seedIncident, created: false }]);
    expect(answer.results[1]!.error).toContain('"text", "html" or "url"');
    expect(answer.results[2]!.incidents).toEqual([{ event_id: seedIncident, created: false }]);
    expect(answer.results[3]!.error).toBe('published: must be YYYY-MM-DD');
    expect(answer.results[4]!.error).toContain('no article text');
    expect((await store.findReport(answer.results[2]!.report_id!))?.url).toBe('https://wire.example/raqqa');
  });

  it('refuses to fetch a loopback address unless the server allows private addresses', async () => {
    const refused = await post('analyst', { url: `${siteUrl}/later-toll` });
    expect(refused.statusCode).toBe(207);
    expect(refused.json().results[0]).toMatchObject({ status: 'error', report_id: null });
    expect(refused.json().results[0].error).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/later-toll: 127\.0\.0\.1 is a non-public address/);

    const response = await post('analyst', [{ url: `${siteUrl}/later-toll`, published: '2014-11-27' }, { url: `${siteUrl}/feed` }, { url: `${siteUrl}/missing` }], privateApp);
    expect(response.statusCode, response.body).toBe(207);
    const [page, feed, missing] = reportsAnswerSchema.parse(response.json()).results;
    expect(page).toMatchObject({ status: 'created', incidents: [{ created: false }] });
    const stored = await store.findReport(page!.report_id!);
    expect(stored).toMatchObject({ url: `${siteUrl}/later-toll`, title: 'A later toll' });
    expect(feed!.error).toContain('a feed, not a page');
    expect(missing!.error).toContain('HTTP 404');
  });

  it('takes a session with its CSRF token', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'analyst', password: PASSWORD } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const item = { text: 'Two people were killed in shelling on Idlib on 2 June 2020.', published: '2020-06-03' };
    expect((await post('anonymous', item, app, { cookie })).statusCode).toBe(403);
    const response = await post('anonymous', item, app, { cookie, 'x-csrf-token': signIn.json().csrf_token });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().results[0].status).toBe('created');
  });

  it('refuses malformed bodies and bodies past the limits as a whole, naming the limit', async () => {
    for (const [payload, message] of [
      [[], 'one item'],
      [JSON.stringify('text'), 'one item'],
      [Array.from({ length: MAX_REPORTS_PER_REQUEST + 1 }, () => ({ text: 'x' })), `at most ${MAX_REPORTS_PER_REQUEST} items`],
      [Array.from({ length: MAX_URLS_PER_REQUEST + 1 }, () => ({ url: 'https://example.org/' })), `at most ${MAX_URLS_PER_REQUEST} {"url"} items`],
    ] as Array<[unknown, string]>) {
      const response = await post('analyst', payload, app, { 'content-type': 'application/json' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toContain(message);
    }
  });

  it('is described in the OpenAPI document: one item or a list, each text, HTML or a URL', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = doc.paths['/api/reports'].post;
    const body = operation.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('"html"');
    expect(body.anyOf).toHaveLength(2);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '207', '400', '403']));
  });
});
