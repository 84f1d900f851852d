/**
 * Writes of the workspace settings (config documents). The SLA policies and the calendar gain a
 * version in force from now, recorded with who saved it; the document keeps every version, so
 * it is also the change history. The endpoint checks the role and the value again.
 */
import type { ConfigDoc } from '#shared/schema/configSchema.ts';
import { withVersion, type VersionedSetting } from '#shared/sla/settingsVersions.ts';
import type { DeskDatabase } from './database.ts';
import { markPending } from './outbox.ts';
import type { WriteContext } from './writeContext.ts';

type ConfigKey = ConfigDoc['id'];

async function writeConfig(db: DeskDatabase, ctx: WriteContext, id: ConfigKey, value: object): Promise<void> {
  const now = ctx.now();
  const doc: ConfigDoc = { id, value: value as ConfigDoc['value'], editedAt: now, editedBy: ctx.actor.id, updatedAt: 0 };
  await db.config.upsert(doc);
  await markPending(db.outbox, 'config', [id], now);
}

/** Saves a new version of `sla-policies` or `calendar`, in force from this instant on. */
export async function saveSettingVersion<T>(
  db: DeskDatabase,
  ctx: WriteContext,
  id: 'sla-policies' | 'calendar',
  current: VersionedSetting<T> | null,
  value: T,
): Promise<void> {
  const next = withVersion(current, { id: ctx.newId(), from: ctx.now(), editedBy: ctx.actor.id, value });
  await writeConfig(db, ctx, id, next);
}

export async function saveWorkspaceSettings(db: DeskDatabase, ctx: WriteContext, value: object): Promise<void> {
  await writeConfig(db, ctx, 'workspace', value);
}
