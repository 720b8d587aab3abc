import type { Command } from 'commander';
import { Password } from '@chuangcheng/core';
import { ConfigError } from '../config.ts';
import { systemActorOfRoot } from '../bootstrap.ts';
import { generatePassword } from '../modules/auth/index.ts';
import { resetPassword } from '../modules/users/index.ts';
import { print, withDatabase } from './with-database.ts';
import { reportError } from './errors.ts';

/** Account commands beyond `users create`: `users reset-password`. */
export function registerUserCommands(users: Command) {
  users
    .command('reset-password')
    .description(
      'give an account a new password (generated and printed unless --password or CHUANGCHENG_NEW_PASSWORD ' +
        'is given); the account is signed out everywhere and the change is audited',
    )
    .requiredOption('--username <name>')
    .option('--password <password>')
    .option('--json', 'print the result as JSON')
    .action((opts: { username: string; password?: string; json?: boolean }) => {
      const given = opts.password ?? process.env.CHUANGCHENG_NEW_PASSWORD;
      const password = given ?? generatePassword();
      // Refused before the database is opened: nothing to wait for, nothing touched.
      const valid = Password.safeParse(password);
      if (!valid.success) {
        process.exit(reportError(new ConfigError(`--password ${valid.error.issues[0]?.message ?? 'is not accepted'}`)));
      }
      return withDatabase(async ({ db }) => {
        const user = await resetPassword(db, await systemActorOfRoot(db), opts.username, password);
        const generated = given === undefined ? password : undefined;
        print(
          !!opts.json,
          { username: user.username, ...(generated ? { password: generated } : {}) },
          generated
            ? `new password of ${user.username}: ${generated}\n(signed out everywhere; shown only this once)`
            : `password of ${user.username} changed; signed out everywhere`,
        );
      });
    });
}
