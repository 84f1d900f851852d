/** Command-line parsing shared by the subcommands: strict flags, Russian messages. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { DatabaseTarget } from '../db/openDatabase.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Flags every subcommand takes. */
export const commonOptions = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const defaultDataDir = '.data/central';

export function parseFlags<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(`Неверные параметры: ${(error as Error).message}`);
  }
}

/** DATABASE_URL selects PostgreSQL; otherwise PGlite in --data (default .data/central). */
export function databaseTarget(values: { data?: string | undefined }, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { url };
  return { dataDir: values.data ?? defaultDataDir };
}

export function describeTarget(target: DatabaseTarget): string {
  if ('url' in target) return `PostgreSQL ${target.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`;
  if ('dataDir' in target) return `PGlite в папке ${target.dataDir}`;
  return 'PGlite в памяти';
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`Не указан параметр --${flag}.`);
  return value;
}

export function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`Параметр --${flag} должен быть целым неотрицательным числом.`);
  return n;
}

/** Reads a piped stdin completely (password input); '' when stdin is a terminal. */
export async function readPipedStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
