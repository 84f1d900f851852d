/**
 * The SLA setup the endpoint computes deadlines with (intake, reports): the `sla-policies` and
 * `calendar` config documents as stored, the defaults where absent.
 */
import type { Kysely } from 'kysely';
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import type { SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { DbSchema } from '../db/dbSchema.ts';

export async function slaSetupOnServer(db: Kysely<DbSchema>): Promise<SlaSetup> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'data', 'deleted'])
    .where('collection', '=', 'config')
    .where('id', 'in', ['sla-policies', 'calendar'])
    .execute();
  const value = (id: string): unknown => {
    const row = rows.find((r) => r.id === id && !r.deleted);
    if (!row) return null;
    const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as { value?: unknown };
    return data.value ?? null;
  };
  return slaSetupFromConfig(value('sla-policies'), value('calendar'));
}
