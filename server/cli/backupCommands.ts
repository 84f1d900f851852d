/** `backup --out FILE` and `restore --in FILE`. */
import { openDatabase } from '../db/openDatabase.ts';
import { writeBackup } from '../ops/backup.ts';
import { restoreBackup, RestoreError } from '../ops/restore.ts';
import { databaseTarget, describeTarget, parseFlags, required, UsageError } from './cliOptions.ts';

const summary = (documents: Record<string, number>) =>
  Object.entries(documents)
    .map(([c, n]) => `${c}: ${n}`)
    .join(', ');

export async function backupCommand(args: string[]): Promise<void> {
  const flags = parseFlags(args, { out: { type: 'string' } });
  const file = required(flags.out, 'out');
  const target = databaseTarget(flags);
  const database = await openDatabase(target);
  try {
    const counts = await writeBackup(database, file);
    console.log(`Резервная копия ${describeTarget(target)} записана в ${file}.`);
    console.log(`Документы — ${summary(counts.documents)}; учётных записей: ${counts.accounts}; ключей API: ${counts.apiKeys}.`);
    console.log(`Каналы — ${summary(counts.channelRows)}. В копии пароли почтовых ящиков: храните её как саму базу.`);
  } finally {
    await database.close();
  }
}

export async function restoreCommand(args: string[]): Promise<void> {
  const flags = parseFlags(args, { in: { type: 'string' }, 'with-accounts': { type: 'boolean' } });
  const file = required(flags.in, 'in');
  const target = databaseTarget(flags);
  const database = await openDatabase(target);
  try {
    const counts = await restoreBackup(database, file, { withAccounts: flags['with-accounts'] === true }).catch(
      (error: unknown) => {
        if (error instanceof RestoreError) throw new UsageError(error.message);
        throw error;
      },
    );
    console.log(`Восстановлено в ${describeTarget(target)}: ${summary(counts.documents)}; учётных записей: ${counts.accounts}.`);
    const channels = counts.channelRows.channels ?? 0;
    if (channels > 0) {
      console.log(
        `Каналов: ${channels}, все отключены, чтобы старый сервер и этот не забирали и не отправляли одну почту дважды. ` +
          'Когда старый сервер остановлен, включите каждый: npm run server -- channel enable --channel ID (список: channel list).',
      );
    }
  } finally {
    await database.close();
  }
}
