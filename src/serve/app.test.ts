import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAQQA, sampleIncident, sampleReport } from '../../test/fixtures/serve/incident.js';
import { Store } from '../store/index.js';
import { buildApp } from './app.js';

const report = sampleReport();
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
  await store.saveReport(report);
  await store.saveIncident(sampleIncident(report));
  await store.saveIncident(
    sampleIncident(report, {
      id: 'VIG-0002',
      date: '2015-03-01',
      place: { ...RAQQA, name: 'Mosul', admin1: 'Nineveh', country: 'Iraq', latitude: null, longitude: null },
      actor1: 'Islamic State',
      notes: 'Clashes near Mosul.',
    }),
  );
  app = await buildApp(store);
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const ids = (body: { incidents: Array<{ event_id: string }> }) => body.incidents.map((i) => i.event_id);

describe('GET /api/incidents', () => {
  it('lists export records, newest first, with the paging used', async () => {
    const response = await get('/api/incidents');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(ids(body)).toEqual(['VIG-0002', 'VIG-0001']);
    expect(body).toMatchObject({ limit: 100, offset: 0 });
    expect(Object.keys(body.incidents[1]).slice(0, 3)).toEqual(['event_id', 'event_date', 'time_precision']);
    expect(body.incidents[1].source).toBe('Example News');
  });

  it('filters by text, country and dates', async () => {
    expect(ids((await get('/api/incidents?q=mosul')).json())).toEqual(['VIG-0002']);
    expect(ids((await get('/api/incidents?country=Syria')).json())).toEqual(['VIG-0001']);
    expect(ids((await get('/api/incidents?from=2015-01-01')).json())).toEqual(['VIG-0002']);
    expect(ids((await get('/api/incidents?to=2014-12-31')).json())).toEqual(['VIG-0001']);
    expect(ids((await get('/api/incidents?event_type=Battles')).json())).toEqual([]);
    expect(ids((await get('/api/incidents?limit=1&offset=1')).json())).toEqual(['VIG-0001']);
  });

  it('rejects bad parameters with a 400 naming them', async () => {
    for (const [query, name] of [
      ['limit=abc', 'limit'],
      ['limit=5000', 'limit'],
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['from=yesterday', 'from'],
      ['to=2014-13-45', 'to'],
    ]) {
      const response = await get(`/api/incidents?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toContain(name);
    }
  });
});

describe('GET /api/incidents/:id', () => {
  it('returns the record with its evidence and reports', async () => {
    const response = await get('/api/incidents/VIG-0001');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ event_id: 'VIG-0001', fatalities: 12 });
    expect(body.evidence.location[0]).toMatchObject({ text: 'Raqqa', rule: 'GazetteerMatch' });
    expect(body.reports).toEqual([
      { id: report.id, title: report.title, url: report.url, source_name: 'Example News', published: '2014-11-25', tallies: [] },
    ]);
    expect(body.claims[0].phrase).toBe('At least 12 civilians were killed');
  });

  it('answers 404 with an error for an unknown id', async () => {
    const response = await get('/api/incidents/VIG-nope');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toHaveProperty('error');
  });
});

describe('GET /api/reports/:id', () => {
  it('returns the clean text as JSON data, markup untouched', async () => {
    const response = await get(`/api/reports/${report.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['id', 'title', 'url', 'source_name', 'published', 'language', 'text', 'captions', 'tallies']);
    expect(body.text).toContain('<script>alert(1)</script>');
    expect(body.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('answers 404 for an unknown report', async () => {
    expect((await get('/api/reports/0000')).statusCode).toBe(404);
  });
});

describe('GET /api/export.*', () => {
  it('serves each format with its content type', async () => {
    const json = await get('/api/export.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toHaveLength(2);
    const csv = await get('/api/export.csv?country=Syria');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[1]).toMatch(/^VIG-0001,/);
    const geojson = await get('/api/export.geojson');
    expect(geojson.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(geojson.json()).toMatchObject({ type: 'FeatureCollection', skipped_without_coordinates: 1 });
  });

  it('rejects an unknown format', async () => {
    const response = await get('/api/export.xml');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toContain('format');
  });
});

describe('the page', () => {
  it('serves the page, script and stylesheet', async () => {
    const page = await get('/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script type="module" src="/app.js"></script>');
    expect((await get('/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const url of ['/', '/app.js', '/api/incidents', '/api/incidents/VIG-nope', '/api/incidents?limit=x', '/missing']) {
      const response = await get(url);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('has no inline script and never parses data as HTML', () => {
    const html = readFileSync(new URL('../../public/index.html', import.meta.url), 'utf8');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/app.js">']);
    expect(html).not.toMatch(/\son\w+=/i);
    const script = readFileSync(new URL('../../public/app.js', import.meta.url), 'utf8');
    expect(script).not.toMatch(/\.(innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML|document\.write|\beval\(/);
  });
});
