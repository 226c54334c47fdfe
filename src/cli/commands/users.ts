// `vigil user add NAME --role ROLE` and `vigil token create --user NAME`: accounts for the web app
// and API tokens for scripts. A new user's password is generated and printed once, unless one
// comes on standard input (--password-stdin).
import type { Command } from 'commander';
import { Accounts, UserNameTaken } from '../../auth/accounts.js';
import { generatePassword } from '../../auth/password.js';
import { isRole, ROLES } from '../../auth/roles.js';
import { DATA_OPTION_HELP, UserError, withStore } from '../context.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function registerUsers(program: Command): void {
  const user = program.command('user').description('users of the web app and API: viewer (reads accepted incidents), analyst (reads all, reviews, ingests), admin (users, tokens, settings)');
  user
    .command('add')
    .description('add a user; prints a generated password once')
    .argument('<name>', 'sign-in name')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (name: string, options: { role: string; passwordStdin?: boolean; data?: string }) => {
      if (!isRole(options.role)) throw new UserError(`--role must be one of ${ROLES.join(', ')}, got "${options.role}"`);
      const password = options.passwordStdin ? await readStdin() : generatePassword();
      if (password.length < 12) throw new UserError('a password has at least 12 characters');
      await withStore(options, async (store) => {
        try {
          await new Accounts(store).addUser(name, options.role as (typeof ROLES)[number], password);
        } catch (error) {
          throw new UserError(error instanceof UserNameTaken ? error.message : (error as Error).message);
        }
      });
      process.stdout.write(`added ${options.role} ${name}${options.passwordStdin ? '' : `; password (shown once): ${password}`}\n`);
    });
  user
    .command('list')
    .description('list users and their roles')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (options: { data?: string }) => {
      const users = await withStore(options, (store) => new Accounts(store).users());
      for (const { name, role } of users) process.stdout.write(`${role.padEnd(8)} ${name}\n`);
    });

  program
    .command('token')
    .description('API tokens for scripts (Authorization: Bearer ...)')
    .command('create')
    .description('create an API token for a user; prints it once')
    .requiredOption('--user <name>', 'the user the token acts as')
    .option('--label <text>', 'what the token is for', 'api')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (options: { user: string; label: string; data?: string }) => {
      const token = await withStore(options, async (store) => {
        try {
          return await new Accounts(store).createToken(options.user, options.label);
        } catch (error) {
          throw new UserError((error as Error).message);
        }
      });
      process.stdout.write(`${token}\n`);
    });
}
