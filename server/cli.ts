/**
 * The central endpoint's command line (`npm run server -- ...`): start (default), user, apikey,
 * channel, backup, restore, seed, report, kb. See server/cli/helpText.ts.
 */
import { UsageError } from './cli/cliOptions.ts';
import { helpText } from './cli/helpText.ts';

type Command = (args: string[]) => Promise<void>;

// Each command's modules load when it runs: `user add` does not pay for the mail, CRM and XLSX libraries.
const commands: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./cli/startCommand.ts')).startCommand,
  user: async () => (await import('./cli/accountCommands.ts')).userCommand,
  apikey: async () => (await import('./cli/accountCommands.ts')).apikeyCommand,
  channel: async () => (await import('./cli/channelCommands.ts')).channelCommand,
  backup: async () => (await import('./cli/backupCommands.ts')).backupCommand,
  restore: async () => (await import('./cli/backupCommands.ts')).restoreCommand,
  seed: async () => (await import('./cli/seedCommand.ts')).seedCommand,
  report: async () => (await import('./cli/reportCommand.ts')).reportCommand,
  kb: async () => (await import('./cli/kbCommand.ts')).kbCommand,
};

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    console.log(helpText);
    return;
  }
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) return (await commands.start!())(argv);
  const load = commands[first];
  if (!load) throw new UsageError(`Неизвестная команда «${first}». Справка: npm run server -- --help`);
  await (
    await load()
  )(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
