// `vigil user add|list|role|remove` and `vigil token create|list|revoke`: accounts for the web app
// and API tokens for scripts, as an admin manages them on the Admin page, each change in the
// audit log as made by --actor (default: the user running the command). A new user's password
// is generated and printed once, unless one comes on standard input (--password-stdin).
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { Accounts } from '../../auth/accounts.js';
import { generatePassword } from '../../auth/password.js';
import { isRole, ROLES, type Role } from '../../auth/roles.js';
import { DATA_OPTION_HELP, UserError, withStore } from '../context.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const ACTOR_HELP = 'who makes the change, for the audit log (default: the user running the command)';

function role(text: string): Role {
  if (!isRole(text)) throw new UserError(`the role must be one of ${ROLES.join(', ')}, got "${text}"`);
  return text;
}

/** Runs an account change; its refusals (a taken name, the last admin, no such user or token) are the user's errors. */
async function changeAccounts<T>(options: { data?: string }, change: (accounts: Accounts) => Promise<T>): Promise<T> {
  return withStore(options, async (store) => {
    try {
      return await change(new Accounts(store));
    } catch (error) {
      throw new UserError((error as Error).message);
    }
  });
}

export function registerUsers(program: Command): void {
  const user = program.command('user').description('users of the web app and API: viewer (reads accepted incidents), analyst (reads all, reviews, ingests), admin (users, tokens, settings)');
  user
    .command('add')
    .description('add a user; prints a generated password once')
    .argument('<name>', 'sign-in name')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--actor <name>', ACTOR_HELP)
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (name: string, options: { role: string; passwordStdin?: boolean; actor?: string; data?: string }) => {
      const newRole = role(options.role);
      const password = options.passwordStdin ? await readStdin() : generatePassword();
      if (password.length < 12) throw new UserError('a password has at least 12 characters');
      await changeAccounts(options, (accounts) => accounts.addUserAs(options.actor ?? userInfo().username, name, newRole, password));
      process.stdout.write(`added ${newRole} ${name}${options.passwordStdin ? '' : `; password (shown once): ${password}`}\n`);
    });
  user
    .command('list')
    .description('list users and their roles')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (options: { data?: string }) => {
      const users = await withStore(options, (store) => new Accounts(store).users());
      for (const { name, role } of users) process.stdout.write(`${role.padEnd(8)} ${name}\n`);
    });

  user
    .command('role')
    .description("change a user's role; the last admin keeps theirs")
    .argument('<name>', 'sign-in name')
    .argument('<role>', `one of ${ROLES.join(', ')}`)
    .option('--actor <name>', ACTOR_HELP)
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (name: string, roleText: string, options: { actor?: string; data?: string }) => {
      const changed = await changeAccounts(options, (accounts) => accounts.setRoleAs(options.actor ?? userInfo().username, name, role(roleText)));
      process.stdout.write(`${changed.name} is now ${changed.role}\n`);
    });
  user
    .command('remove')
    .description('remove a user with their sessions and tokens; never the last admin')
    .argument('<name>', 'sign-in name')
    .option('--actor <name>', ACTOR_HELP)
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (name: string, options: { actor?: string; data?: string }) => {
      const removed = await changeAccounts(options, (accounts) => accounts.removeUserAs(options.actor ?? userInfo().username, name));
      process.stdout.write(`removed ${removed.role} ${removed.name}\n`);
    });

  const token = program.command('token').description('API tokens for scripts (Authorization: Bearer ...)');
  token
    .command('create')
    .description('create an API token for a user; prints it once')
    .requiredOption('--user <name>', 'the user the token acts as')
    .option('--label <text>', 'what the token is for', 'api')
    .option('--actor <name>', ACTOR_HELP)
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (options: { user: string; label: string; actor?: string; data?: string }) => {
      const created = await changeAccounts(options, (accounts) => accounts.createTokenAs(options.actor ?? userInfo().username, options.user, options.label));
      process.stdout.write(`${created.token}\n`);
    });
  token
    .command('list')
    .description('list API tokens: id, user, label, when created (never the secret)')
    .option('--json', 'print the list as JSON')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (options: { json?: boolean; data?: string }) => {
      const tokens = await withStore(options, (store) => new Accounts(store).tokens());
      if (options.json) process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
      else for (const t of tokens) process.stdout.write(`${t.id}  ${t.user.padEnd(12)} ${t.createdAt.slice(0, 16)}  ${t.label}\n`);
    });
  token
    .command('revoke')
    .description('revoke an API token by the id `vigil token list` prints: it stops working at once')
    .argument('<id>', 'the token id')
    .option('--actor <name>', ACTOR_HELP)
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (id: string, options: { actor?: string; data?: string }) => {
      const revoked = await changeAccounts(options, (accounts) => accounts.revokeTokenAs(options.actor ?? userInfo().username, id));
      process.stdout.write(`revoked token ${revoked.id} of ${revoked.user} (${revoked.label})\n`);
    });
}
