// The API, route by route and role by role: what each may read and do, the refusals included.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAQQA, sampleIncident, sampleReport } from '../../test/fixtures/serve/incident.js';
import { addPeople, PASSWORD, type Tokens } from '../../test/fixtures/serve/people.js';
import { incidentDetailSchema, incidentPageSchema, reportSchema } from '../export/api.js';
import { Store } from '../store/index.js';
import { buildApp } from './app.js';

const report = sampleReport();
let store: Store;
let app: FastifyInstance;
let tokens: Tokens;

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
      fatalities: { low: 3, best: 3, high: 5 },
      notes: 'Clashes near Mosul.',
    }),
  );
  await store.saveIncident(sampleIncident(report, { id: 'VIG-0003', date: '2014-11-20', fatalities: { low: 40, best: 40, high: 40 } }));
  await store.setReview('VIG-0001', 'accepted', 'seed');
  tokens = await addPeople(store);
  app = await buildApp(store);
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

type Who = keyof Tokens | 'anonymous';
const as = (who: Who, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...options.headers, ...(who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` }) } });
const get = (who: Who, url: string) => as(who, { method: 'GET', url });
const ids = (body: { incidents: Array<{ event_id: string }> }) => body.incidents.map((i) => i.event_id);

describe('GET /api/incidents', () => {
  it('lists export records with their review, newest first, with the total', async () => {
    const response = await get('analyst', '/api/incidents');
    expect(response.statusCode).toBe(200);
    const body = incidentPageSchema.parse(response.json());
    expect(ids(body)).toEqual(['VIG-0002', 'VIG-0001', 'VIG-0003']);
    expect(body).toMatchObject({ total: 3, next_cursor: null, limit: 100 });
    expect(body.incidents[1]).toMatchObject({ source: 'Example News', review_status: 'accepted', reviewed_by: 'seed' });
  });

  it('filters case-insensitively, by every parameter', async () => {
    const cases: Array<[string, string[]]> = [
      ['q=MOSUL', ['VIG-0002']],
      ['country=syria', ['VIG-0001', 'VIG-0003']],
      ['admin1=nineveh', ['VIG-0002']],
      ['event_type=explosions%2Fremote%20violence', ['VIG-0002', 'VIG-0001', 'VIG-0003']],
      ['sub_event_type=Shelling', []],
      ['actor=islamic', ['VIG-0002']],
      ['from=2015-01-01', ['VIG-0002']],
      ['to=2014-11-22', ['VIG-0003']],
      ['min_fatalities=12', ['VIG-0001', 'VIG-0003']],
      ['bbox=38,35,40,37', ['VIG-0001', 'VIG-0003']],
      ['bbox=170,-10,-170,10', []],
      ['review_status=accepted', ['VIG-0001']],
      ['review_status=new', ['VIG-0002', 'VIG-0003']],
      ['grade=confirmed', []],
    ];
    for (const [query, expected] of cases) {
      const body = (await get('analyst', `/api/incidents?${query}`)).json();
      expect(ids(body), query).toEqual(expected);
      expect(body.total, query).toBe(expected.length);
    }
  });

  it('sorts and pages by cursor', async () => {
    expect(ids((await get('analyst', '/api/incidents?sort=fatalities')).json())).toEqual(['VIG-0003', 'VIG-0001', 'VIG-0002']);
    expect(ids((await get('analyst', '/api/incidents?sort=date&order=asc')).json())).toEqual(['VIG-0003', 'VIG-0001', 'VIG-0002']);
    const seen: string[] = [];
    let cursor = '';
    do {
      const body = (await get('analyst', `/api/incidents?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(body.total).toBe(cursor ? null : 3);
      seen.push(...ids(body));
      cursor = body.next_cursor ?? '';
    } while (cursor);
    expect(seen).toEqual(['VIG-0002', 'VIG-0001', 'VIG-0003']);
  });

  it('shows a viewer accepted incidents only, and refuses asking for others', async () => {
    expect(ids((await get('viewer', '/api/incidents')).json())).toEqual(['VIG-0001']);
    expect((await get('viewer', '/api/incidents?review_status=new')).statusCode).toBe(403);
  });

  it('refuses the public unless public reading is on, then shows accepted incidents', async () => {
    const refused = await get('anonymous', '/api/incidents');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toContain('sign in');
    const setPublicRead = (on: boolean) => as('admin', { method: 'PUT', url: '/api/settings', payload: { public_read: on } });
    expect((await setPublicRead(true)).statusCode).toBe(200);
    try {
      expect(ids((await get('anonymous', '/api/incidents')).json())).toEqual(['VIG-0001']);
      expect((await get('anonymous', '/api/incidents/VIG-0002')).statusCode).toBe(404);
      expect((await get('anonymous', '/api/session')).json()).toMatchObject({ user: null, public_read: true });
    } finally {
      await setPublicRead(false);
    }
  });

  it('rejects bad parameters with a 400 naming them', async () => {
    for (const [query, name] of [
      ['limit=abc', 'limit'],
      ['limit=5000', 'limit'],
      ['limit=0', 'limit'],
      ['from=yesterday', 'from'],
      ['to=2014-13-45', 'to'],
      ['bbox=1,2,3', 'bbox'],
      ['sort=colour', 'sort'],
      ['review_status=maybe', 'review_status'],
      ['grade=excellent', 'grade'],
      ['min_fatalities=-1', 'min_fatalities'],
      ['cursor=bm9wZQ', 'cursor'],
    ]) {
      const response = await get('analyst', `/api/incidents?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toContain(name);
    }
  });
});

describe('GET /api/incidents/:id', () => {
  it('returns the record with snake_case evidence spans and its reports, nothing else', async () => {
    const response = await get('viewer', '/api/incidents/VIG-0001');
    expect(response.statusCode).toBe(200);
    const body = incidentDetailSchema.parse(response.json());
    expect(body).toMatchObject({ event_id: 'VIG-0001', fatalities: 12, review_status: 'accepted' });
    expect(body.evidence.location![0]).toEqual({ text: 'Raqqa', start: 32, end: 37, rule: 'GazetteerMatch', report_id: report.id, note: null });
    expect(body.reports).toEqual([{ id: report.id, short_id: report.id.slice(0, 12), title: report.title, outlet: 'Example News', url: report.url, published: '2014-11-25' }]);
    expect(body.claims[0]).toMatchObject({ phrase: 'At least 12 civilians were killed', phrase_start: report.text.indexOf('At least 12') });
  });

  it('answers 404 for an unknown id, and for one a viewer may not read', async () => {
    expect((await get('analyst', '/api/incidents/VIG-nope')).statusCode).toBe(404);
    expect((await get('viewer', '/api/incidents/VIG-0002')).statusCode).toBe(404);
    expect((await get('analyst', '/api/incidents/VIG-0002')).statusCode).toBe(200);
    expect((await get('anonymous', '/api/incidents/VIG-0001')).statusCode).toBe(401);
  });
});

describe('review actions', () => {
  const post = (who: Who, url: string) => as(who, { method: 'POST', url });

  it('lets analysts and admins accept and reject, naming who did it', async () => {
    const accepted = await post('analyst', '/api/incidents/VIG-0003/accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ review_status: 'accepted', reviewed_by: 'analyst' });
    expect((await post('admin', '/api/incidents/VIG-0003/reject')).json()).toMatchObject({ review_status: 'rejected', reviewed_by: 'admin' });
    expect((await post('analyst', '/api/incidents/VIG-nope/accept')).statusCode).toBe(404);
  });

  it('refuses viewers and the public', async () => {
    expect((await post('viewer', '/api/incidents/VIG-0002/accept')).statusCode).toBe(403);
    expect((await post('anonymous', '/api/incidents/VIG-0002/accept')).statusCode).toBe(401);
    expect((await store.review('VIG-0002'))?.status).toBe('new');
  });
});

describe('sessions', () => {
  it('signs in with a cookie and needs the CSRF token on writes', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'analyst', password: 'wrong password' } })).statusCode).toBe(401);
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'analyst', password: PASSWORD } });
    expect(signIn.statusCode).toBe(200);
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const { csrf_token: csrf, user } = signIn.json();
    expect(user).toEqual({ name: 'analyst', role: 'analyst' });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json()).toMatchObject({ user, csrf_token: csrf });
    expect((await app.inject({ method: 'GET', url: '/api/incidents', headers: { cookie } })).statusCode).toBe(200);
    const forged = await app.inject({ method: 'POST', url: '/api/incidents/VIG-0002/reject', headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toContain('csrf');
    expect((await app.inject({ method: 'POST', url: '/api/incidents/VIG-0002/reject', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(200);
    await store.setReview('VIG-0002', 'new', 'test');
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/incidents', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses an unknown API token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/incidents', headers: { authorization: 'Bearer vgl_nope' } })).statusCode).toBe(401);
  });
});

describe('reports', () => {
  it('lists reports for analysts, with the incidents each tells', async () => {
    const body = (await get('analyst', '/api/reports')).json();
    expect(body).toMatchObject({ total: 1, reports: [{ id: report.id, short_id: report.id.slice(0, 12), outlet: 'Example News', incidents: 3 }] });
    expect((await get('viewer', '/api/reports')).statusCode).toBe(403);
    expect((await get('anonymous', '/api/reports')).statusCode).toBe(401);
  });

  it('returns the clean text as JSON data, markup untouched, by full or short id', async () => {
    for (const id of [report.id, report.id.slice(0, 12)]) {
      const response = await get('viewer', `/api/reports/${id}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = reportSchema.parse(response.json());
      expect(body.spans.map((span) => [span.event_id, span.field, span.text])).toEqual([
        ['VIG-0001', 'event_type', 'air strike'],
        ['VIG-0001', 'location', 'Raqqa'],
        ['VIG-0001', 'claim', 'At least 12 civilians were killed'],
      ]);
      expect(body.text).toContain('<script>alert(1)</script>');
      expect(body.text).toContain('<img src=x onerror=alert(1)>');
    }
  });

  it('answers 404 for an unknown report and 401 to the public', async () => {
    expect((await get('analyst', '/api/reports/0000')).statusCode).toBe(404);
    expect((await get('analyst', '/api/reports/00000000')).statusCode).toBe(404);
    expect((await get('anonymous', `/api/reports/${report.id}`)).statusCode).toBe(401);
  });
});

describe('GET /api/export', () => {
  it('streams each format with its content type, to the incidents the asker may read', async () => {
    const json = await get('analyst', '/api/export?format=json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toHaveLength(3);
    expect((await get('viewer', '/api/export?format=json')).json()).toHaveLength(1);
    const csv = await get('analyst', '/api/export?format=csv&country=SYRIA');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n').slice(1, 3).map((line) => line.split(',')[0])).toEqual(['VIG-0001', 'VIG-0003']);
    const geojson = await get('analyst', '/api/export?format=geojson');
    expect(geojson.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(geojson.json()).toMatchObject({ type: 'FeatureCollection', skipped_without_coordinates: 1 });
  });

  it('refuses the public and an unknown format', async () => {
    expect((await get('anonymous', '/api/export?format=csv')).statusCode).toBe(401);
    const response = await get('analyst', '/api/export?format=xml');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toContain('format');
  });
});

describe('administration', () => {
  it('lets admins add users, create tokens and change settings', async () => {
    const added = await as('admin', { method: 'POST', url: '/api/users', payload: { name: 'newcomer', role: 'viewer', password: 'a long enough password' } });
    expect(added.statusCode).toBe(201);
    expect((await as('admin', { method: 'POST', url: '/api/users', payload: { name: 'newcomer', role: 'viewer', password: 'a long enough password' } })).statusCode).toBe(409);
    expect((await get('admin', '/api/users')).json().users.map((u: { name: string }) => u.name)).toContain('newcomer');
    const token = (await as('admin', { method: 'POST', url: '/api/tokens', payload: { user: 'newcomer' } })).json().token as string;
    expect((await app.inject({ method: 'GET', url: '/api/incidents', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await get('admin', '/api/settings')).json()).toEqual({ public_read: false });
    expect((await as('admin', { method: 'PUT', url: '/api/settings', payload: { public_read: false } })).statusCode).toBe(200);
  });

  it('refuses analysts, viewers and the public', async () => {
    for (const who of ['analyst', 'viewer', 'anonymous'] as const) {
      const status = who === 'anonymous' ? 401 : 403;
      expect((await get(who, '/api/users')).statusCode, who).toBe(status);
      expect((await as(who, { method: 'POST', url: '/api/users', payload: { name: 'x', role: 'admin', password: 'a long enough password' } })).statusCode, who).toBe(status);
      expect((await as(who, { method: 'POST', url: '/api/tokens', payload: { user: 'admin' } })).statusCode, who).toBe(status);
      expect((await as(who, { method: 'PUT', url: '/api/settings', payload: { public_read: true } })).statusCode, who).toBe(status);
    }
  });
});

describe('decisions: edit, merge, split, with the history', () => {
  const send = (who: Who, method: 'PATCH' | 'POST', url: string, payload: object) => as(who, { method, url, payload });

  it('sets fields by hand, keeping who, why and the value before', async () => {
    const response = await send('analyst', 'PATCH', '/api/incidents/VIG-0002', { fields: { actor1: 'Someone Else', fatalities: 4 }, reason: 'checked the source' });
    expect(response.statusCode).toBe(200);
    const body = incidentDetailSchema.parse(response.json());
    expect(body).toMatchObject({ actor1: 'Someone Else', fatalities: 4 });
    const set = body.history.filter((h) => h.action === 'set');
    expect(set.map((h) => [h.actor, h.reason])).toEqual([
      ['analyst', 'checked the source'],
      ['analyst', 'checked the source'],
    ]);
    expect(set[0]).toMatchObject({ before: { actor1: 'Islamic State' }, after: { actor1: 'Someone Else' } });
  });

  it('refuses an unknown field or a bad value with a 400 naming it, and other roles', async () => {
    const unknown = await send('analyst', 'PATCH', '/api/incidents/VIG-0002', { fields: { colour: 'red' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toContain('colour');
    expect((await send('analyst', 'PATCH', '/api/incidents/VIG-0002', { fields: { fatalities: -3 } })).statusCode).toBe(400);
    expect((await send('analyst', 'PATCH', '/api/incidents/VIG-nope', { fields: { notes: 'x' } })).statusCode).toBe(404);
    expect((await send('viewer', 'PATCH', '/api/incidents/VIG-0001', { fields: { notes: 'x' } })).statusCode).toBe(403);
    expect((await send('anonymous', 'PATCH', '/api/incidents/VIG-0001', { fields: { notes: 'x' } })).statusCode).toBe(401);
  });

  it('records accepting and rejecting in the history', async () => {
    const body = (await send('analyst', 'POST', '/api/incidents/VIG-0002/accept', { reason: 'two outlets agree' })).json();
    expect(body.history.at(-1)).toMatchObject({ action: 'accept', actor: 'analyst', reason: 'two outlets agree', before: { review_status: 'new' }, after: { review_status: 'accepted' } });
    await store.setReview('VIG-0002', 'new', 'test');
  });

  it('splits reports off into a new incident and merges incidents', async () => {
    const other = sampleReport({ text: 'A second account of the strike on the market in Raqqa.' });
    await store.saveReport(other);
    await store.saveIncident(sampleIncident(report, { id: 'VIG-0009', reportIds: [report.id, other.id] }));
    expect((await send('viewer', 'POST', '/api/incidents/VIG-0009/split', { report_ids: [other.id.slice(0, 12)] })).statusCode).toBe(403);
    const split = await send('analyst', 'POST', '/api/incidents/VIG-0009/split', { report_ids: [other.id.slice(0, 12)], reason: 'another day' });
    expect(split.statusCode).toBe(200);
    expect(split.json().reports.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect(split.json().history.map((h: { action: string }) => h.action)).toEqual(['split']);
    const newId = (await store.incidentsOfReport(other.id)).map((l) => l.incidentId)[0]!;

    expect((await send('viewer', 'POST', '/api/incidents/VIG-0009/merge', { other: newId })).statusCode).toBe(403);
    expect((await send('analyst', 'POST', '/api/incidents/VIG-0009/merge', { other: 'VIG-0009' })).statusCode).toBe(400);
    const merged = await send('analyst', 'POST', '/api/incidents/VIG-0009/merge', { other: newId, reason: 'same strike' });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().reports).toHaveLength(2);
    expect(merged.json().history.map((h: { action: string }) => h.action)).toEqual(['split', 'merge']);
    expect((await get('analyst', `/api/incidents/${newId}`)).statusCode).toBe(404);

    // Move the second report into another incident.
    const third = sampleReport({ text: 'A third account, of another strike on a bakery in Raqqa.' });
    await store.saveReport(third);
    await store.saveIncident(sampleIncident(third, { id: 'VIG-0010', reportIds: [third.id] }));
    expect((await send('viewer', 'POST', '/api/incidents/VIG-0010/move', { report_id: other.id.slice(0, 12) })).statusCode).toBe(403);
    expect((await send('anonymous', 'POST', '/api/incidents/VIG-0010/move', { report_id: other.id.slice(0, 12) })).statusCode).toBe(401);
    expect((await send('analyst', 'POST', '/api/incidents/VIG-nope/move', { report_id: other.id.slice(0, 12) })).statusCode).toBe(404);
    const moved = await send('analyst', 'POST', '/api/incidents/VIG-0010/move', { report_id: other.id.slice(0, 12), reason: 'the other strike' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().reports.map((r: { id: string }) => r.id).sort()).toEqual([third.id, other.id].sort());
    expect(moved.json().history.at(-1)).toMatchObject({ action: 'move-in', actor: 'analyst', reason: 'the other strike' });
    expect((await store.incidentsOfReport(other.id)).map((l) => l.incidentId)).toEqual(['VIG-0010']);
    await store.db.deleteFrom('incidents').where('id', 'in', ['VIG-0009', 'VIG-0010']).execute();
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every API route, with response schemas from the export contract', async () => {
    const doc = (await get('anonymous', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/incidents', '/api/incidents/{id}', '/api/incidents/{id}/accept', '/api/incidents/{id}/merge', '/api/incidents/{id}/split', '/api/incidents/{id}/move', '/api/reports', '/api/reports/{id}', '/api/export', '/api/session', '/api/users', '/api/users/{name}', '/api/tokens', '/api/tokens/{id}', '/api/settings']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const record = doc.paths['/api/incidents'].get.responses['200'].content['application/json'].schema.properties.incidents.items;
    expect(Object.keys(record.properties).slice(0, 3)).toEqual(['event_id', 'event_date', 'time_precision']);
    expect(doc.paths['/api/incidents'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['country', 'bbox', 'cursor', 'min_fatalities']));
  });
});

describe('the page', () => {
  it('serves the page, script and stylesheet to anyone, with the security headers on every response', async () => {
    const page = await get('anonymous', '/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script type="module" src="/app.js"></script>');
    expect((await get('anonymous', '/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('anonymous', '/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    for (const url of ['/', '/app.js', '/api/incidents', '/api/incidents/VIG-nope', '/api/incidents?limit=x', '/missing']) {
      const response = await get('anonymous', url);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
