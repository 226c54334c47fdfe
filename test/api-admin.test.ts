// Administration through the API: users (list, add with a given or generated password, change
// role, remove, never the last admin), API tokens (create, shown once; list; revoke) and
// settings, each audited; refused to analysts, viewers and the public, and to a cookie without
// its CSRF token.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/serve/app.js';
import { addedUserSchema, createdTokenSchema, tokensSchema, usersSchema } from '../src/serve/routes/admin.js';
import { Store } from '../src/store/index.js';
import { addPeople, PASSWORD, type Tokens } from './fixtures/serve/people.js';

let store: Store;
let app: FastifyInstance;
let tokens: Tokens;

beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
  tokens = await addPeople(store);
  app = await buildApp(store);
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

type Who = keyof Tokens | 'anonymous';
const as = (who: Who, method: InjectOptions['method'], url: string, payload?: object) =>
  app.inject({ method, url, payload, headers: who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` } });
const withToken = (token: string) => app.inject({ method: 'GET', url: '/api/incidents', headers: { authorization: `Bearer ${token}` } });
const signIn = async (name: string, password: string) => {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { name, password } });
  return { status: response.statusCode, cookie: String(response.headers['set-cookie']).split(';')[0]!, csrf: response.json().csrf_token as string };
};
const auditActions = async () => (await store.db.selectFrom('audit_log').select(['actor', 'action', 'before', 'after']).where('incident_id', 'is', null).orderBy('id').execute()).map((r) => [r.actor, r.action]);

describe('users', () => {
  it('adds a user with a generated password, shown once, that signs in', async () => {
    const response = await as('admin', 'POST', '/api/users', { name: 'rana', role: 'analyst' });
    expect(response.statusCode).toBe(201);
    const added = addedUserSchema.parse(response.json());
    expect(added).toMatchObject({ name: 'rana', role: 'analyst' });
    expect(added.password!.length).toBeGreaterThanOrEqual(20);
    expect((await signIn('rana', added.password!)).status).toBe(200);
    expect(usersSchema.parse((await as('admin', 'GET', '/api/users')).json()).users).toContainEqual({ name: 'rana', role: 'analyst' });
  });

  it('adds a user with a given password, and refuses a short one, a bad name or a taken one', async () => {
    const given = await as('admin', 'POST', '/api/users', { name: 'omar', role: 'viewer', password: 'a long enough password' });
    expect(given.json()).toEqual({ name: 'omar', role: 'viewer', password: null });
    expect((await signIn('omar', 'a long enough password')).status).toBe(200);
    expect((await as('admin', 'POST', '/api/users', { name: 'short', role: 'viewer', password: 'short' })).statusCode).toBe(400);
    expect((await as('admin', 'POST', '/api/users', { name: 'has space', role: 'viewer' })).statusCode).toBe(400);
    expect((await as('admin', 'POST', '/api/users', { name: 'omar', role: 'admin' })).statusCode).toBe(409);
    expect((await as('admin', 'POST', '/api/users', { name: 'x', role: 'owner' })).statusCode).toBe(400);
  });

  it('changes a role, which takes effect on the next request', async () => {
    const token = (await as('admin', 'POST', '/api/tokens', { user: 'omar', label: 'script' })).json().token as string;
    expect((await app.inject({ method: 'GET', url: '/api/reports', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    const changed = await as('admin', 'PATCH', '/api/users/omar', { role: 'analyst' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ name: 'omar', role: 'analyst' });
    expect((await app.inject({ method: 'GET', url: '/api/reports', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await as('admin', 'PATCH', '/api/users/nobody', { role: 'viewer' })).statusCode).toBe(404);
  });

  it('removes a user with their sessions and tokens', async () => {
    const session = await signIn('omar', 'a long enough password');
    const token = (await as('admin', 'POST', '/api/tokens', { user: 'omar' })).json().token as string;
    expect((await as('admin', 'DELETE', '/api/users/omar')).statusCode).toBe(204);
    expect((await withToken(token)).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } })).json().user).toBeNull();
    expect((await as('admin', 'DELETE', '/api/users/omar')).statusCode).toBe(404);
  });

  it('never removes or demotes the last admin', async () => {
    const demote = await as('admin', 'PATCH', '/api/users/admin', { role: 'analyst' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toContain('last admin');
    expect((await as('admin', 'DELETE', '/api/users/admin')).statusCode).toBe(409);
    // With a second admin, the first may go; the second is then the last.
    await as('admin', 'POST', '/api/users', { name: 'second', role: 'admin', password: 'a long enough password' });
    const second = await signIn('second', 'a long enough password');
    expect((await as('admin', 'PATCH', '/api/users/second', { role: 'admin' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/users/second', headers: { cookie: second.cookie, 'x-csrf-token': second.csrf } })).statusCode).toBe(204);
    expect((await as('admin', 'DELETE', '/api/users/admin')).statusCode).toBe(409);
    expect((await as('admin', 'GET', '/api/users')).json().users.filter((u: { role: string }) => u.role === 'admin')).toEqual([{ name: 'admin', role: 'admin' }]);
  });
});

describe('API tokens', () => {
  it('creates a token whose secret is answered once, lists it without the secret, and revokes it', async () => {
    const response = await as('admin', 'POST', '/api/tokens', { user: 'analyst', label: 'nightly import' });
    expect(response.statusCode).toBe(201);
    const created = createdTokenSchema.parse(response.json());
    expect(created).toMatchObject({ user: 'analyst', label: 'nightly import' });
    expect((await withToken(created.token)).statusCode).toBe(200);
    const list = await as('admin', 'GET', '/api/tokens');
    const listed = tokensSchema.parse(list.json()).tokens;
    expect(listed.find((t) => t.id === created.id)).toEqual({ id: created.id, user: 'analyst', label: 'nightly import', created_at: created.created_at });
    expect(list.body).not.toContain(created.token);
    expect((await as('admin', 'DELETE', `/api/tokens/${created.id}`)).statusCode).toBe(204);
    expect((await withToken(created.token)).statusCode).toBe(401);
    expect(tokensSchema.parse((await as('admin', 'GET', '/api/tokens')).json()).tokens.map((t) => t.id)).not.toContain(created.id);
    expect((await as('admin', 'DELETE', `/api/tokens/${created.id}`)).statusCode).toBe(404);
    expect((await as('admin', 'DELETE', '/api/tokens/%25')).statusCode).toBe(404);
    expect((await as('admin', 'POST', '/api/tokens', { user: 'nobody' })).statusCode).toBe(404);
  });
});

describe('settings', () => {
  it('turns public reading of accepted incidents on and off', async () => {
    expect((await as('anonymous', 'GET', '/api/incidents')).statusCode).toBe(401);
    expect((await as('admin', 'PUT', '/api/settings', { public_read: true })).json()).toEqual({ public_read: true });
    expect((await as('anonymous', 'GET', '/api/incidents')).statusCode).toBe(200);
    expect((await as('admin', 'GET', '/api/settings')).json()).toEqual({ public_read: true });
    expect((await as('admin', 'PUT', '/api/settings', { public_read: false })).json()).toEqual({ public_read: false });
    expect((await as('anonymous', 'GET', '/api/incidents')).statusCode).toBe(401);
    expect((await as('admin', 'PUT', '/api/settings', { public_read: 'yes' })).statusCode).toBe(400);
  });
});

describe('who may', () => {
  const requests: Array<[InjectOptions['method'], string, object?]> = [
    ['GET', '/api/users'],
    ['POST', '/api/users', { name: 'intruder', role: 'admin', password: 'a long enough password' }],
    ['PATCH', '/api/users/analyst', { role: 'admin' }],
    ['DELETE', '/api/users/viewer'],
    ['GET', '/api/tokens'],
    ['POST', '/api/tokens', { user: 'admin' }],
    ['DELETE', '/api/tokens/0123456789abcdef'],
    ['GET', '/api/settings'],
    ['PUT', '/api/settings', { public_read: true }],
  ];

  it('refuses analysts and viewers (403) and the public (401), changing nothing', async () => {
    const before = { users: (await as('admin', 'GET', '/api/users')).json(), tokens: (await as('admin', 'GET', '/api/tokens')).json() };
    for (const who of ['analyst', 'viewer', 'anonymous'] as const) {
      for (const [method, url, payload] of requests) {
        const response = await as(who, method, url, payload);
        expect(response.statusCode, `${who} ${method} ${url}`).toBe(who === 'anonymous' ? 401 : 403);
      }
    }
    expect({ users: (await as('admin', 'GET', '/api/users')).json(), tokens: (await as('admin', 'GET', '/api/tokens')).json() }).toEqual(before);
    expect((await as('admin', 'GET', '/api/settings')).json()).toEqual({ public_read: false });
  });

  it('refuses an admin’s cookie without its CSRF token, and takes it with', async () => {
    const session = await signIn('admin', PASSWORD);
    const forged = await app.inject({ method: 'PUT', url: '/api/settings', payload: { public_read: true }, headers: { cookie: session.cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toContain('csrf');
    expect((await app.inject({ method: 'DELETE', url: '/api/users/viewer', headers: { cookie: session.cookie, 'x-csrf-token': 'wrong' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    const signed = await app.inject({ method: 'PUT', url: '/api/settings', payload: { public_read: false }, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    expect(signed.statusCode).toBe(200);
  });

  it('keeps every change in the audit log with who made it', async () => {
    const actions = await auditActions();
    expect(actions).toEqual(expect.arrayContaining([['admin', 'user-add'], ['admin', 'user-role'], ['admin', 'user-remove'], ['second', 'user-remove'], ['admin', 'token-create'], ['admin', 'token-revoke'], ['admin', 'settings']]));
    expect(actions.filter(([, action]) => action === 'user-remove')).toHaveLength(2);
    const role = await store.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'user-role').orderBy('id').executeTakeFirstOrThrow();
    expect([role.before, role.after]).toEqual([{ name: 'omar', role: 'viewer' }, { name: 'omar', role: 'analyst' }]);
  });
});
