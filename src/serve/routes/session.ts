// Signing in and out of the web app: a session cookie (HttpOnly, SameSite=Strict) and a CSRF
// token the page sends back on every write.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Accounts } from '../../auth/accounts.js';
import { errorSchema } from '../../export/api.js';
import { cookie, HttpError, SESSION_COOKIE, setSessionCookie } from '../access.js';
import { jsonSchema, sessionSchema, signInSchema } from '../contract.js';

const errors = { 400: jsonSchema(errorSchema), 401: jsonSchema(errorSchema), 403: jsonSchema(errorSchema) };

export const sessionRoutes: FastifyPluginAsync<{ accounts: Accounts }> = async (app, { accounts }) => {
  app.get('/api/session', { schema: { summary: 'who is signed in, and the CSRF token of the session', response: { 200: jsonSchema(sessionSchema) } } }, async (request) => {
    const token = cookie(request, SESSION_COOKIE);
    const session = token ? await accounts.session(token) : null;
    const { principal } = request;
    return {
      user: principal.role === 'anonymous' ? null : { name: principal.name, role: principal.role },
      csrf_token: principal.via === 'session' ? (session?.csrfToken ?? null) : null,
      public_read: request.publicRead,
    };
  });

  app.post<{ Body: z.infer<typeof signInSchema> }>(
    '/api/session',
    { schema: { summary: 'sign in with name and password; sets the session cookie', body: jsonSchema(signInSchema), response: { 200: jsonSchema(sessionSchema), ...errors } } },
    async (request, reply) => {
      const user = await accounts.checkPassword(request.body.name, request.body.password);
      if (!user) throw new HttpError(401, 'wrong name or password');
      const session = await accounts.startSession(user);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { user: { name: user.name, role: user.role }, csrf_token: session.csrfToken, public_read: request.publicRead };
    },
  );

  app.delete('/api/session', { schema: { summary: 'sign out', response: { 204: { type: 'null' }, ...errors } } }, async (request, reply) => {
    const token = cookie(request, SESSION_COOKIE);
    if (token) await accounts.endSession(token);
    setSessionCookie(reply, '', null);
    return reply.code(204).send();
  });
};
