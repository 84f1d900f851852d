/** `kb export DIR` and `kb import DIR --as LOGIN`: the knowledge base as Markdown files (server/kb/kbTransfer.ts). */
import { isKbHead } from '#shared/domain/kbRules.ts';
import type { Role } from '#shared/vocabulary/enums.ts';
import { findAccountForLogin } from '../auth/accounts.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { exportKb, importKb } from '../kb/kbTransfer.ts';
import { databaseTarget, describeTarget, parseFlags, required, UsageError } from './cliOptions.ts';

const usage = 'Команда kb: kb export ПАПКА | kb import ПАПКА --as ЛОГИН (руководителя или администратора).';

export async function kbCommand(args: string[]): Promise<void> {
  const [action, dir, ...rest] = args;
  if ((action !== 'export' && action !== 'import') || !dir || dir.startsWith('-')) throw new UsageError(usage);
  const flags = parseFlags(rest, { as: { type: 'string' } });
  const target = databaseTarget(flags);
  const database = await openDatabase(target);
  try {
    if (action === 'export') {
      const { written } = await exportKb(database, dir);
      console.log(`Статей выгружено из ${describeTarget(target)} в ${dir}: ${written}.`);
      return;
    }
    const login = required(flags.as, 'as');
    const account = await findAccountForLogin(database.db, login);
    if (!account || !account.active) throw new UsageError(`Нет действующей учётной записи «${login}».`);
    // Imported articles are published in the importer's name: the head's move, as on a desk.
    if (!isKbHead(account.role as Role)) {
      throw new UsageError(`Импортирует статьи руководитель или администратор; у «${login}» роль ${account.role}.`);
    }
    const result = await importKb(database, dir, account.id);
    for (const { file, reason } of result.refused) console.error(`Пропущен файл ${file}: ${reason}.`);
    console.log(
      `Импорт в ${describeTarget(target)} от имени ${account.name}: новых статей ${result.created}, обновлено ${result.updated}, без изменений ${result.unchanged}, пропущено файлов ${result.refused.length}.`,
    );
    if (result.refused.length > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
