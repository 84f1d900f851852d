/**
 * The central endpoint's command line (`npm run server -- ...`): start (default), user, apikey,
 * channel, backup, restore, seed, report, kb. See server/cli/helpText.ts.
 */
import { apikeyCommand, userCommand } from './cli/accountCommands.ts';
import { backupCommand, restoreCommand } from './cli/backupCommands.ts';
import { channelCommand } from './cli/channelCommands.ts';
import { UsageError } from './cli/cliOptions.ts';
import { helpText } from './cli/helpText.ts';
import { kbCommand } from './cli/kbCommand.ts';
import { reportCommand } from './cli/reportCommand.ts';
import { seedCommand } from './cli/seedCommand.ts';
import { startCommand } from './cli/startCommand.ts';

const commands: Record<string, (args: string[]) => Promise<void>> = {
  start: startCommand,
  user: userCommand,
  apikey: apikeyCommand,
  channel: channelCommand,
  backup: backupCommand,
  restore: restoreCommand,
  seed: seedCommand,
  report: reportCommand,
  kb: kbCommand,
};

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    console.log(helpText);
    return;
  }
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) return startCommand(argv);
  const command = commands[first];
  if (!command) throw new UsageError(`Неизвестная команда «${first}». Справка: npm run server -- --help`);
  await command(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
