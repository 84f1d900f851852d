/** `seed --demo [--scale N]`: the demo workspace (server/seed), passwords printed once. */
import { openDatabase } from '../db/openDatabase.ts';
import { seedDemo, SeedError } from '../seed/seedDemo.ts';
import { databaseTarget, describeTarget, parseFlags, positiveInt, UsageError } from './cliOptions.ts';

export async function seedCommand(args: string[]): Promise<void> {
  const flags = parseFlags(args, { demo: { type: 'boolean' }, scale: { type: 'string' }, now: { type: 'string' } });
  if (!flags.demo) throw new UsageError('Команда seed: укажите --demo.');
  const scale = positiveInt(flags.scale, 'scale', 1);
  if (scale < 1 || scale > 100) throw new UsageError('Параметр --scale: от 1 до 100.');
  // --now (epoch ms or ISO) pins the clock: the same value gives the same workspace.
  const now = flags.now === undefined ? Date.now() : /^\d+$/.test(flags.now) ? Number(flags.now) : Date.parse(flags.now);
  if (!Number.isFinite(now)) throw new UsageError('Параметр --now: миллисекунды эпохи или дата ISO.');
  const target = databaseTarget(flags);
  const database = await openDatabase(target);
  const started = Date.now();
  try {
    const result = await seedDemo(database, { now, scale }).catch((error: unknown) => {
      if (error instanceof SeedError) throw new UsageError(error.message);
      throw error;
    });
    const c = result.counts;
    console.log(`Демо-данные записаны в ${describeTarget(target)} за ${((Date.now() - started) / 1000).toFixed(1)} с.`);
    console.log(
      `Обращений: ${c.tickets} (открытых: ${result.openTickets}), записей хронологии: ${c.events}, клиентов и объектов: ${c.clients}, статей БЗ: ${c.kb}, скриптов: ${c.templates}.`,
    );
    console.log('Учётные записи (пароли показаны один раз):');
    for (const a of result.accounts) console.log(`  ${a.login}\t${a.role}\t${a.name}\tпароль: ${a.password}`);
  } finally {
    await database.close();
  }
}
