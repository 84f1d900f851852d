/** The workspace's active agents by name (for handing a ticket over). */
import { useMemo } from 'react';
import type { Agent } from '#shared/schema/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useObservable } from '../../db/useObservable.ts';

export function useActiveAgents(): readonly Agent[] {
  const { db } = useWorkspace();
  const agents = useObservable(() => db.agents.find({ selector: { active: true } }).$, [db], []);
  return useMemo(() => agents.map((a) => a.toJSON() as Agent).sort((a, b) => a.name.localeCompare(b.name, 'ru')), [agents]);
}
