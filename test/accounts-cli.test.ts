// Users and API tokens as an admin manages them from the shell: the built bin on a fresh PGlite
// directory; every change is in the audit log with who made it; the last admin stays.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Store } from '../src/store/index.js';
import { vigil } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-accounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = ['--data', join(dir, 'data')];

it('adds users, changes roles, creates, lists and revokes tokens, removes users, all audited; the last admin stays', async () => {
  const added = await vigil(['user', 'add', 'alice', '--role', 'analyst', '--actor', 'root', ...data]);
  expect(added.code, added.stderr).toBe(0);
  expect(added.stdout).toMatch(/^added analyst alice; password \(shown once\): \S{12,}\n$/);
  expect((await vigil(['user', 'add', 'bob', '--role', 'admin', '--actor', 'root', ...data])).code).toBe(0);
  const taken = await vigil(['user', 'add', 'alice', ...data]);
  expect(taken.code).toBe(1);

  const created = await vigil(['token', 'create', '--user', 'alice', '--label', 'nightly import', '--actor', 'root', ...data]);
  expect(created.code, created.stderr).toBe(0);
  const listed = JSON.parse((await vigil(['token', 'list', '--json', ...data])).stdout) as Array<{ id: string; user: string; label: string }>;
  expect(listed).toEqual([expect.objectContaining({ user: 'alice', label: 'nightly import' })]);
  expect(created.stdout).not.toContain(listed[0]!.id);
  const revoked = await vigil(['token', 'revoke', listed[0]!.id, '--actor', 'root', ...data]);
  expect(revoked.code, revoked.stderr).toBe(0);
  expect(JSON.parse((await vigil(['token', 'list', '--json', ...data])).stdout)).toEqual([]);
  expect((await vigil(['token', 'revoke', listed[0]!.id, ...data])).stderr).toContain(`no API token ${listed[0]!.id}`);

  expect((await vigil(['user', 'role', 'alice', 'viewer', '--actor', 'root', ...data])).stdout).toBe('alice is now viewer\n');
  expect((await vigil(['user', 'role', 'alice', 'chief', ...data])).stderr).toContain('the role must be one of viewer, analyst, admin');
  const lastAdmin = await vigil(['user', 'role', 'bob', 'viewer', ...data]);
  expect(lastAdmin.code).toBe(1);
  expect(lastAdmin.stderr).toContain('bob is the last admin');
  expect((await vigil(['user', 'remove', 'bob', ...data])).stderr).toContain('bob is the last admin');
  expect((await vigil(['user', 'remove', 'alice', '--actor', 'root', ...data])).stdout).toBe('removed viewer alice\n');
  expect((await vigil(['user', 'list', ...data])).stdout).toBe('admin    bob\n');

  const store = await Store.open({ dataDir: join(dir, 'data') });
  try {
    const audit = await store.db.selectFrom('audit_log').select(['action', 'actor']).orderBy('id').execute();
    expect(audit).toEqual(['user-add', 'user-add', 'token-create', 'token-revoke', 'user-role', 'user-remove'].map((action) => ({ action, actor: 'root' })));
  } finally {
    await store.close();
  }
});
