// Administration (admins only): users, API tokens and settings. Every change goes in the audit
// log with who made it, before and after (Accounts.administer); the last admin can neither be
// removed nor lose the role.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { InvalidUserName, LastAdmin, NoSuchAccount, SETTINGS, UserNameTaken, type Accounts, type SettingName } from '../../auth/accounts.js';
import { generatePassword } from '../../auth/password.js';
import { ROLES } from '../../auth/roles.js';
import { errorSchema } from '../../export/api.js';
import { HttpError, requirePermission } from '../access.js';
import { jsonSchema } from '../contract.js';

const errors = { 400: jsonSchema(errorSchema), 401: jsonSchema(errorSchema), 403: jsonSchema(errorSchema), 404: jsonSchema(errorSchema), 409: jsonSchema(errorSchema) };
export const userSchema = z.strictObject({ name: z.string(), role: z.enum(ROLES) });
export const usersSchema = z.strictObject({ users: z.array(userSchema) });
const userParamsSchema = z.strictObject({ name: z.string().min(1).max(64) });
export const newUserSchema = userSchema.extend({ password: z.string().min(12).max(1024).optional().describe('at least 12 characters; without it, one is generated and answered once') });
export const addedUserSchema = userSchema.extend({ password: z.string().nullable().describe('the generated password, shown this once; null when the request gave one') });
const roleChangeSchema = z.strictObject({ role: z.enum(ROLES) });
export const tokenSchema = z.strictObject({ id: z.string(), user: z.string(), label: z.string(), created_at: z.string() });
export const tokensSchema = z.strictObject({ tokens: z.array(tokenSchema) });
const tokenParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const newTokenSchema = z.strictObject({ user: z.string().min(1).max(64), label: z.string().max(200).default('api') });
export const createdTokenSchema = tokenSchema.extend({ token: z.string().describe('the secret: shown this once, stored only as a hash') });
export const settingsSchema = z.strictObject({ public_read: z.boolean().describe('people who are not signed in may read accepted incidents') });
export type ApiUser = z.infer<typeof userSchema>;
export type AddedUser = z.infer<typeof addedUserSchema>;
export type ApiToken = z.infer<typeof tokenSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type Settings = z.infer<typeof settingsSchema>;

/** The accounts' refusals as HTTP answers; anything else is the server's fault (500). */
async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserNameTaken || error instanceof LastAdmin) throw new HttpError(409, error.message);
    if (error instanceof NoSuchAccount) throw new HttpError(404, error.message);
    if (error instanceof InvalidUserName) throw new HttpError(400, error.message);
    throw error;
  }
}

export const adminRoutes: FastifyPluginAsync<{ accounts: Accounts }> = async (app, { accounts }) => {
  // Before the body is read: a request without the right gets 401 or 403, whatever it carries.
  app.addHook('onRequest', async (request) => requirePermission(request, 'admin'));
  const schema = (summary: string, parts: { params?: z.ZodType; body?: z.ZodType; status?: number; answer?: z.ZodType }) => ({
    schema: {
      summary: `${summary} (admins)`,
      ...(parts.params ? { params: jsonSchema(parts.params) } : {}),
      ...(parts.body ? { body: jsonSchema(parts.body, 'input') } : {}),
      response: { [parts.status ?? 200]: parts.answer ? jsonSchema(parts.answer) : { type: 'null' }, ...errors },
    },
  });

  app.get('/api/users', schema('users and their roles', { answer: usersSchema }), async () => ({ users: (await accounts.users()).map(({ name, role }) => ({ name, role })) }));

  app.post<{ Body: z.infer<typeof newUserSchema> }>('/api/users', schema('add a user with a role, and a password given or generated', { body: newUserSchema, status: 201, answer: addedUserSchema }), async (request, reply) => {
    const { name, role } = request.body;
    const generated = request.body.password ? null : generatePassword();
    const user = await refusing(() => accounts.addUserAs(request.principal.name, name, role, request.body.password ?? generated!));
    return reply.code(201).send({ name: user.name, role: user.role, password: generated });
  });

  app.patch<{ Params: { name: string }; Body: z.infer<typeof roleChangeSchema> }>(
    '/api/users/:name',
    schema('change a user’s role; the last admin keeps theirs', { params: userParamsSchema, body: roleChangeSchema, answer: userSchema }),
    async (request) => {
      const after = await refusing(() => accounts.setRoleAs(request.principal.name, request.params.name, request.body.role));
      return { name: after.name, role: after.role };
    },
  );

  app.delete<{ Params: { name: string } }>('/api/users/:name', schema('remove a user, their sessions and tokens; never the last admin', { params: userParamsSchema, status: 204 }), async (request, reply) => {
    await refusing(() => accounts.removeUserAs(request.principal.name, request.params.name));
    return reply.code(204).send();
  });

  app.get('/api/tokens', schema('API tokens: id, user, label, when created (never the secret)', { answer: tokensSchema }), async () => ({
    tokens: (await accounts.tokens()).map((t) => ({ id: t.id, user: t.user, label: t.label, created_at: t.createdAt })),
  }));

  app.post<{ Body: z.infer<typeof newTokenSchema> }>('/api/tokens', schema('create an API token for a user; the secret is answered once', { body: newTokenSchema, status: 201, answer: createdTokenSchema }), async (request, reply) => {
    const { user, label } = request.body;
    const created = await refusing(() => accounts.createTokenAs(request.principal.name, user, label));
    return reply.code(201).send({ id: created.id, user: created.user, label: created.label, created_at: created.createdAt, token: created.token });
  });

  app.delete<{ Params: { id: string } }>('/api/tokens/:id', schema('revoke an API token: it stops working at once', { params: tokenParamsSchema, status: 204 }), async (request, reply) => {
    await refusing(() => accounts.revokeTokenAs(request.principal.name, request.params.id));
    return reply.code(204).send();
  });

  const currentSettings = async () => ({ public_read: (await accounts.setting('public_read')) === true });

  app.get('/api/settings', schema('server settings', { answer: settingsSchema }), currentSettings);

  app.put<{ Body: z.infer<typeof settingsSchema> }>('/api/settings', schema('change server settings', { body: settingsSchema, answer: settingsSchema }), async (request) => {
    const before = await currentSettings();
    await accounts.administer(request.principal.name, 'settings', async (tx) => {
      for (const name of Object.keys(SETTINGS) as SettingName[]) await tx.setSetting(name, request.body[name]);
      return { result: null, before, after: request.body };
    });
    return currentSettings();
  });
};
