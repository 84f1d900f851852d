/**
 * What the working set of the benchmark's workspace is made of (docs/performance-sync.md, "Scale
 * 15: the working set's size"): the timeline entries of open tickets and of tickets finished within
 * the window, by kind, with how many of each the scoped pull sends.
 *
 *   node test/bench/sync/workingSetComposition.ts [--scale 15] [--seed-cache DIR] [--days 90]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import { windowStart } from '#shared/sync/workingSet.ts';
import { openDatabase } from '../../../server/db/openDatabase.ts';
import { scopeCondition } from '../../../server/replication/workingSetScope.ts';
import { prepareWorkspace } from './benchWorkspace.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '15' },
    'seed-cache': { type: 'string' },
    days: { type: 'string', default: '90' },
  },
});
const scale = Number(values.scale);
const days = Number(values.days);
const work = mkdtempSync(join(tmpdir(), 'ws-composition-'));
try {
  await prepareWorkspace(join(work, 'data'), work, scale, values['seed-cache'] ?? null);
  const database = await openDatabase({ dataDir: join(work, 'data') });
  const now = Date.now();
  const { rows } = await sql<{ ticket: string; kind: string; entries: number; sent: number; mb: number }>`
    select case when t.data->>'status' in (${sql.join([...openStatuses])}) then 'open' else 'finished' end as ticket,
      d.data->>'kind' as kind, count(*)::int as entries,
      count(*) filter (where true ${scopeCondition('events', { closedWindowDays: days, now })})::int as sent,
      round(sum(length(d.data::text)) / 1e6, 2)::float as mb
    from documents d join documents t on t.collection = 'tickets' and t.id = (d.data->>'ticketId') collate "C"
    where d.collection = 'events' and not t.deleted
      and (t.data->>'status' in (${sql.join([...openStatuses])})
        or coalesce((t.data->>'closedAt')::double precision, (t.data->>'resolvedAt')::double precision,
          (t.data->>'createdAt')::double precision) >= ${windowStart(now, days)}::double precision)
    group by 1, 2 order by 1 desc, 3 desc`.execute(database.db);
  console.log(`Timeline entries of the working set at scale ${scale}, window ${days} days:`);
  console.table(rows);
  const total = (key: 'entries' | 'sent') => rows.reduce((n, r) => n + r[key], 0);
  console.log(`entries ${total('entries')}, sent by the scoped pull ${total('sent')}`);
  await database.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
