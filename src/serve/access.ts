// Who is asking: a browser session (cookie, plus its CSRF token on every write), an API token
// (Authorization: Bearer vgl_...), the data directory's ingest token, or nobody. Each route then
// asks `require(request, permission)`: 401 for nobody, 403 for a role without the permission.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Accounts } from '../auth/accounts.js';
import { can, type Permission, type Principal } from '../auth/roles.js';
import { tokenMatches } from '../store/index.js';

export const SESSION_COOKIE = 'vigil_session';
const ANONYMOUS: Principal = { name: 'anonymous', role: 'anonymous', via: 'none' };
/** Who sends reports with the data directory's ingest token: `vigil ingest` beside the server. */
const INGEST_CLIENT: Principal = { name: 'vigil ingest', role: 'analyst', via: 'token' };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    publicRead: boolean;
  }
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string | null): void {
  const lifetime = expiresAt ? `Max-Age=${Math.floor((Date.parse(expiresAt) - Date.now()) / 1000)}` : 'Max-Age=0';
  reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${lifetime}; Path=/; HttpOnly; SameSite=Strict`);
}

/** Throws the refusal a request without the permission gets. */
export function requirePermission(request: FastifyRequest, permission: Permission): void {
  if (can(request.principal, permission, request.publicRead)) return;
  if (request.principal.role === 'anonymous') throw new HttpError(401, 'sign in first (POST /api/session) or send an API token (Authorization: Bearer ...)');
  throw new HttpError(403, `a ${request.principal.role} may not do this (needs ${permission})`);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Adds the hook that names every request's principal; on the root app, before the routes. */
export function installAccessControl(app: FastifyInstance, { accounts, ingestToken }: { accounts: Accounts; ingestToken: string | null }): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('publicRead', false);
  app.addHook('onRequest', async (request) => {
    request.publicRead = (await accounts.setting('public_read')) === true;
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      if (ingestToken && tokenMatches(ingestToken, bearer)) {
        request.principal = INGEST_CLIENT;
        return;
      }
      const user = await accounts.tokenUser(bearer);
      if (!user) throw new HttpError(401, 'unknown API token (create one with: vigil token create)');
      request.principal = { name: user.name, role: user.role, via: 'token' };
      return;
    }
    const sessionToken = cookie(request, SESSION_COOKIE);
    const session = sessionToken ? await accounts.session(sessionToken) : null;
    if (!session) {
      request.principal = ANONYMOUS;
      return;
    }
    // The cookie goes with any request the browser sends; only our page knows the CSRF token.
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) throw new HttpError(403, 'missing or wrong x-csrf-token header for this session');
    request.principal = { name: session.user.name, role: session.user.role, via: 'session' };
  });
}
