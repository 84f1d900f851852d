/**
 * The SLA setup and workspace switches of the signed-in workspace, read from the local `config`
 * documents (synced from the endpoint) and followed live: a policy the head saves on one desk
 * reaches every desk's countdowns, alarms and new tickets within one replication round.
 */
import { create } from 'zustand';
import type { Subscription } from 'rxjs';
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { defaultSlaSetup, type SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { defaultWorkspaceSettings, validateWorkspaceSettings, type WorkspaceSettings } from '#shared/sla/slaSettings.ts';
import type { ConfigDoc } from '#shared/schema/configSchema.ts';
import type { DeskDatabase } from '../../db/database.ts';

interface SlaSetupState {
  setup: SlaSetup;
  workspace: WorkspaceSettings;
  /** The config documents as stored, for the settings screen (null: never saved). */
  docs: Readonly<Record<string, ConfigDoc | undefined>>;
}

export const useSlaSetupStore = create<SlaSetupState>(() => ({
  setup: defaultSlaSetup(),
  workspace: defaultWorkspaceSettings,
  docs: {},
}));

/** The current setup, re-rendering the component when the head changes it. */
export function useSlaSetup(): SlaSetup {
  return useSlaSetupStore((s) => s.setup);
}

export function currentSlaSetup(): SlaSetup {
  return useSlaSetupStore.getState().setup;
}

/** Follows the config documents of a database until the subscription ends. */
export function followSlaConfig(db: DeskDatabase): Subscription {
  return db.config.find().$.subscribe((docs) => {
    const byId: Record<string, ConfigDoc | undefined> = {};
    for (const d of docs) byId[d.id] = d.toJSON() as ConfigDoc;
    const workspaceCheck = validateWorkspaceSettings(byId.workspace?.value);
    useSlaSetupStore.setState({
      setup: slaSetupFromConfig(byId['sla-policies']?.value ?? null, byId.calendar?.value ?? null),
      workspace: workspaceCheck.ok ? workspaceCheck.value : defaultWorkspaceSettings,
      docs: byId,
    });
  });
}

/** Back to the defaults (sign-out). */
export function resetSlaSetup(): void {
  useSlaSetupStore.setState({ setup: defaultSlaSetup(), workspace: defaultWorkspaceSettings, docs: {} });
}
