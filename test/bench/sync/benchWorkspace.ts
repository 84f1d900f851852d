/**
 * The benchmark's workspace: the demo seed (server/seed) at a scale that gives ~50,000 tickets,
 * with its KB sources written here (200 generated Markdown articles, ~2.5 KB each; the seed makes
 * 25 site variants of each at scale 15: 5,000 articles), so the volume does not depend on whether
 * resources/demo is present. Passwords are fixed. A seeded folder can be kept and copied for the
 * next run (`--seed-cache DIR`): seeding takes about a minute.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { products } from '#shared/vocabulary/enums.ts';
import type { CollectionName } from '#shared/protocol.ts';
import { openDatabase } from '../../../server/db/openDatabase.ts';
import { seedDemo } from '../../../server/seed/seedDemo.ts';

export const benchAccounts = {
  a: { login: 'demo', password: 'sync-bench-demo-2026' },
  b: { login: 'agent2', password: 'sync-bench-agent2-2026' },
} as const;

export interface SeededWorkspace {
  scale: number;
  counts: Record<CollectionName, number>;
  seedMs: number;
}

const articleSources = 200;

const sentences = [
  'Проверьте, что объект подключён к облаку PASS24 и у охраны открыт журнал пропусков.',
  'Если считыватель не видит карту, перезагрузите контроллер кнопкой на плате и подождите две минуты.',
  'Гостевой пропуск действует до конца суток, если администратор объекта не задал другой срок.',
  'Жители заказывают пропуск в мобильном приложении; заявка сразу появляется у охраны на посту.',
  'Номер автомобиля вводится латиницей без пробелов; распознавание сверяет его с заявкой.',
  'При ошибке синхронизации проверьте время на сервере объекта: расхождение больше пяти минут мешает обмену.',
  'Права администратора объекта выдаёт руководитель управляющей компании через личный кабинет.',
  'Сообщите клиенту номер обращения и срок ответа по регламенту.',
];

/** One generated KB source article (front matter + Markdown body), deterministic by index. */
function articleText(i: number): string {
  const product = products[i % products.length]!;
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p++) {
    const picked = [0, 1, 2, 3, 4].map((k) => sentences[(i * 7 + p * 3 + k) % sentences.length]);
    paragraphs.push(picked.join(' '));
  }
  return [
    '---',
    `title: Инструкция ${i + 1}: типовой вопрос по ${product}`,
    `product: ${product}`,
    `tags: [инструкция, ${product}, вопрос-${i % 20}]`,
    '---',
    `# Инструкция ${i + 1}`,
    '',
    paragraphs.join('\n\n'),
    '',
    '## Что сделать',
    '',
    '1. Уточнить объект и контакт.\n2. Проверить журнал.\n3. Записать результат в обращение.',
    '',
  ].join('\n');
}

function writeArticleSources(demoDir: string): void {
  mkdirSync(join(demoDir, 'kb'), { recursive: true });
  for (let i = 0; i < articleSources; i++) {
    writeFileSync(join(demoDir, 'kb', `bench-${String(i).padStart(3, '0')}.md`), articleText(i));
  }
}

async function seedInto(dataDir: string, workDir: string, scale: number): Promise<SeededWorkspace> {
  const demoDir = join(workDir, 'demo-content');
  writeArticleSources(demoDir);
  const database = await openDatabase({ dataDir });
  const started = performance.now();
  try {
    const result = await seedDemo(database, {
      now: Date.now(),
      scale,
      demoDir,
      passwords: { [benchAccounts.a.login]: benchAccounts.a.password, [benchAccounts.b.login]: benchAccounts.b.password },
    });
    return { scale, counts: result.counts, seedMs: performance.now() - started };
  } finally {
    await database.close();
  }
}

/** Seeds `dataDir`, or copies it from `cacheDir` (seeding the cache first when it is empty). */
export async function prepareWorkspace(
  dataDir: string,
  workDir: string,
  scale: number,
  cacheDir: string | null,
): Promise<SeededWorkspace> {
  if (!cacheDir) return seedInto(dataDir, workDir, scale);
  const manifest = join(cacheDir, 'seed.json');
  let seeded: SeededWorkspace | null = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as SeededWorkspace)
    : null;
  if (!seeded || seeded.scale !== scale) {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    seeded = await seedInto(join(cacheDir, 'data'), workDir, scale);
    writeFileSync(manifest, JSON.stringify(seeded));
  }
  cpSync(join(cacheDir, 'data'), dataDir, { recursive: true });
  return seeded;
}
