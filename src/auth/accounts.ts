// Users, their browser sessions and API tokens, and the server's settings, in the database.
// Secrets (session and API tokens) are stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/index.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { isRole, type Role } from './roles.js';

/** A browser session lasts a working week; signing in again starts a new one. */
const SESSION_DAYS = 7;
export const API_TOKEN_PREFIX = 'vgl_';

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export interface User {
  id: number;
  name: string;
  role: Role;
}

/** Server-wide settings with their defaults. */
export const SETTINGS = {
  /** Whether people who are not signed in may read accepted incidents. */
  public_read: false,
} as const;
export type SettingName = keyof typeof SETTINGS;

export class UserNameTaken extends Error {}
/** A change that would leave no admin, so no one could manage users again. */
export class LastAdmin extends Error {}
export class NoSuchAccount extends Error {}
export class InvalidUserName extends Error {}

export interface TokenInfo {
  /** The first characters of the token's hash: names it for revoking, reveals nothing of the secret. */
  id: string;
  user: string;
  label: string;
  createdAt: string;
}
const TOKEN_ID_LENGTH = 16;
/** The id a token is listed and revoked by. */
export const tokenId = (token: string) => sha256(token).slice(0, TOKEN_ID_LENGTH);

/**
 * How long an API token's user and a setting are remembered: every request asks for both, and a
 * database round trip each would cost more than many queries they guard. A removed token or a
 * setting changed by another process takes effect within this time.
 */
const CACHE_MS = 5000;

export class Accounts {
  private readonly cache = new Map<string, { value: unknown; until: number }>();

  constructor(private readonly store: Store) {}

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value as T;
    const value = await load();
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  private get db() {
    return this.store.db;
  }

  async addUser(name: string, role: Role, password: string): Promise<User> {
    if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(name)) throw new InvalidUserName(`a user name is 1-64 letters, digits or . _ @ -, got "${name}"`);
    const hash = await hashPassword(password);
    const row = await this.db
      .insertInto('users')
      .values({ name, role, password_hash: hash, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning(['id', 'name', 'role'])
      .executeTakeFirst();
    if (!row) throw new UserNameTaken(`there is already a user named "${name}"`);
    return toUser(row);
  }

  async users(): Promise<User[]> {
    return (await this.db.selectFrom('users').select(['id', 'name', 'role']).orderBy('id').execute()).map(toUser);
  }

  async user(name: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').select(['id', 'name', 'role']).where('name', '=', name).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** Changes a user's role; refuses to take the role from the last admin. */
  async setRole(name: string, role: Role): Promise<{ before: User; after: User }> {
    const before = await this.existingUser(name);
    if (before.role === 'admin' && role !== 'admin') await this.keepAnAdmin(before);
    await this.db.updateTable('users').set({ role }).where('id', '=', before.id).execute();
    return { before, after: { ...before, role } };
  }

  /** Removes a user with their sessions and tokens; refuses to remove the last admin. */
  async removeUser(name: string): Promise<User> {
    const user = await this.existingUser(name);
    if (user.role === 'admin') await this.keepAnAdmin(user);
    await this.db.deleteFrom('users').where('id', '=', user.id).execute();
    return user;
  }

  private async existingUser(name: string): Promise<User> {
    const user = await this.user(name);
    if (!user) throw new NoSuchAccount(`no user named "${name}"`);
    return user;
  }

  private async keepAnAdmin(leaving: User): Promise<void> {
    const others = await this.db.selectFrom('users').select('id').where('role', '=', 'admin').where('id', '!=', leaving.id).limit(1).execute();
    if (others.length === 0) throw new LastAdmin(`${leaving.name} is the last admin: make another user admin first`);
  }

  /**
   * Runs an administrative change in one transaction under the store's lock (serialised), with its entry
   * in the audit log (who, what, before, after): two admins cannot both remove the last other
   * admin, and every change names who made it.
   */
  async administer<T>(by: string, action: string, change: (accounts: Accounts) => Promise<{ result: T; before: unknown; after: unknown }>): Promise<T> {
    const result = await this.store.serialised(async (tx) => {
      const done = await change(new Accounts(tx));
      await tx.appendAudit({ at: new Date().toISOString(), actor: by, action, incidentId: null, reportId: null, reason: null, before: done.before, after: done.after });
      return done.result;
    });
    // Roles, tokens and settings are cached per request's look-up: a change takes effect at once.
    this.cache.clear();
    return result;
  }

  // The changes above as an administrator makes them, audited with `by` (Accounts.administer):
  // what the admin API and the CLI run.

  addUserAs(by: string, name: string, role: Role, password: string): Promise<User> {
    return this.administer(by, 'user-add', async (tx) => {
      const added = await tx.addUser(name, role, password);
      return { result: added, before: null, after: { name: added.name, role: added.role } };
    });
  }

  setRoleAs(by: string, name: string, role: Role): Promise<User> {
    return this.administer(by, 'user-role', async (tx) => {
      const { before, after } = await tx.setRole(name, role);
      return { result: after, before: { name: before.name, role: before.role }, after: { name: after.name, role: after.role } };
    });
  }

  removeUserAs(by: string, name: string): Promise<User> {
    return this.administer(by, 'user-remove', async (tx) => {
      const removed = await tx.removeUser(name);
      return { result: removed, before: { name: removed.name, role: removed.role }, after: null };
    });
  }

  /** A new token and what is listed of it; the secret is in the answer only. */
  createTokenAs(by: string, userName: string, label: string): Promise<TokenInfo & { token: string }> {
    return this.administer(by, 'token-create', async (tx) => {
      if (!(await tx.user(userName))) throw new NoSuchAccount(`no user named "${userName}"`);
      const token = await tx.createToken(userName, label);
      const info = (await tx.tokens()).find((t) => t.id === tokenId(token))!;
      return { result: { ...info, token }, before: null, after: { id: info.id, user: userName, label } };
    });
  }

  revokeTokenAs(by: string, id: string): Promise<TokenInfo> {
    return this.administer(by, 'token-revoke', async (tx) => {
      const revoked = await tx.revokeToken(id);
      return { result: revoked, before: { id: revoked.id, user: revoked.user, label: revoked.label }, after: null };
    });
  }

  async userCount(): Promise<number> {
    return Number((await this.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  }

  /** On a database with no user, an admin with a generated password (returned once, to be printed). */
  async ensureFirstAdmin(): Promise<{ name: string; password: string } | null> {
    if ((await this.userCount()) > 0) return null;
    const password = generatePassword();
    await this.addUser('admin', 'admin', password);
    return { name: 'admin', password };
  }

  async checkPassword(name: string, password: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').select(['id', 'name', 'role', 'password_hash']).where('name', '=', name).executeTakeFirst();
    if (!row) return null;
    return (await verifyPassword(password, row.password_hash)) ? toUser(row) : null;
  }

  /** A new session: its secret goes in the cookie, its CSRF token in the page. */
  async startSession(user: User): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
    await this.db.insertInto('sessions').values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt }).execute();
    return { token, csrfToken, expiresAt };
  }

  async session(token: string): Promise<{ user: User; csrfToken: string } | null> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.name', 'users.role', 'sessions.csrf_token', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.expires_at < new Date().toISOString()) return null;
    return { user: toUser(row), csrfToken: row.csrf_token };
  }

  async endSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  }

  /** A new API token for a user: shown once, stored as a hash. */
  async createToken(userName: string, label: string): Promise<string> {
    const user = await this.db.selectFrom('users').select('id').where('name', '=', userName).executeTakeFirst();
    if (!user) throw new Error(`no user named "${userName}"`);
    const token = API_TOKEN_PREFIX + newSecret();
    await this.db.insertInto('api_tokens').values({ token_hash: sha256(token), user_id: user.id, label, created_at: new Date().toISOString() }).execute();
    return token;
  }

  async tokens(): Promise<TokenInfo[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.token_hash', 'users.name', 'api_tokens.label', 'api_tokens.created_at'])
      .orderBy('api_tokens.created_at')
      .execute();
    return rows.map((r) => ({ id: r.token_hash.slice(0, TOKEN_ID_LENGTH), user: r.name, label: r.label, createdAt: r.created_at }));
  }

  /** Revokes the token with this id (see `tokenId`); answers what it was. */
  async revokeToken(id: string): Promise<TokenInfo> {
    const token = /^[0-9a-f]+$/.test(id) && id.length === TOKEN_ID_LENGTH ? (await this.tokens()).find((t) => t.id === id) : undefined;
    if (!token) throw new NoSuchAccount(`no API token ${id}`);
    await this.db.deleteFrom('api_tokens').where('token_hash', 'like', `${id}%`).execute();
    return token;
  }

  async tokenUser(token: string): Promise<User | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    return this.cached(`token:${sha256(token)}`, () => this.loadTokenUser(token));
  }

  private async loadTokenUser(token: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['users.id', 'users.name', 'users.role'])
      .where('api_tokens.token_hash', '=', sha256(token))
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async setting<K extends SettingName>(name: K): Promise<(typeof SETTINGS)[K] | boolean> {
    return this.cached(`setting:${name}`, async () => {
      const row = await this.db.selectFrom('settings').select('value').where('key', '=', name).executeTakeFirst();
      return row ? (JSON.parse(row.value) as boolean) : SETTINGS[name];
    });
  }

  async setSetting(name: SettingName, value: boolean): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key: name, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
    this.cache.delete(`setting:${name}`);
  }
}

function toUser(row: { id: number; name: string; role: string }): User {
  if (!isRole(row.role)) throw new Error(`user ${row.name} has an unknown role "${row.role}"`);
  return { id: row.id, name: row.name, role: row.role };
}
