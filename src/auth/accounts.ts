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
    if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(name)) throw new Error(`a user name is 1-64 letters, digits or . _ @ -, got "${name}"`);
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
