// Administration (admins only): users, API tokens and settings.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { SETTINGS, UserNameTaken, type Accounts } from '../../auth/accounts.js';
import { ROLES } from '../../auth/roles.js';
import { errorSchema } from '../../export/api.js';
import { HttpError, requirePermission } from '../access.js';
import { jsonSchema } from '../contract.js';

const errors = { 400: jsonSchema(errorSchema), 401: jsonSchema(errorSchema), 403: jsonSchema(errorSchema), 409: jsonSchema(errorSchema) };
const userSchema = z.strictObject({ name: z.string(), role: z.enum(ROLES) });
const newUserSchema = userSchema.extend({ password: z.string().min(12).max(1024) });
const newTokenSchema = z.strictObject({ user: z.string().min(1).max(64), label: z.string().max(200).default('api') });
const settingsSchema = z.strictObject({ public_read: z.boolean() });

export const adminRoutes: FastifyPluginAsync<{ accounts: Accounts }> = async (app, { accounts }) => {
  app.addHook('preHandler', async (request) => requirePermission(request, 'admin'));

  app.get('/api/users', { schema: { summary: 'users and their roles (admins)', response: { 200: jsonSchema(z.strictObject({ users: z.array(userSchema) })), ...errors } } }, async () => ({
    users: (await accounts.users()).map(({ name, role }) => ({ name, role })),
  }));

  app.post<{ Body: z.infer<typeof newUserSchema> }>(
    '/api/users',
    { schema: { summary: 'add a user (admins)', body: jsonSchema(newUserSchema), response: { 201: jsonSchema(userSchema), ...errors } } },
    async (request, reply) => {
      try {
        const user = await accounts.addUser(request.body.name, request.body.role, request.body.password);
        return reply.code(201).send({ name: user.name, role: user.role });
      } catch (error) {
        if (error instanceof UserNameTaken) throw new HttpError(409, error.message);
        throw new HttpError(400, (error as Error).message);
      }
    },
  );

  app.post<{ Body: z.infer<typeof newTokenSchema> }>(
    '/api/tokens',
    { schema: { summary: 'create an API token for a user; shown once (admins)', body: jsonSchema(newTokenSchema, 'input'), response: { 201: jsonSchema(z.strictObject({ token: z.string() })), ...errors } } },
    async (request, reply) => {
      try {
        return reply.code(201).send({ token: await accounts.createToken(request.body.user, request.body.label) });
      } catch (error) {
        throw new HttpError(400, (error as Error).message);
      }
    },
  );

  app.get('/api/settings', { schema: { summary: 'server settings (admins)', response: { 200: jsonSchema(settingsSchema), ...errors } } }, async () => ({
    public_read: (await accounts.setting('public_read')) === true,
  }));

  app.put<{ Body: z.infer<typeof settingsSchema> }>(
    '/api/settings',
    { schema: { summary: 'change server settings (admins)', body: jsonSchema(settingsSchema), response: { 200: jsonSchema(settingsSchema), ...errors } } },
    async (request) => {
      for (const name of Object.keys(SETTINGS) as Array<keyof typeof SETTINGS>) await accounts.setSetting(name, request.body[name]);
      return request.body;
    },
  );
};
