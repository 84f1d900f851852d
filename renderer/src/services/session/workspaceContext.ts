/** The signed-in workspace for components below the desk (database, API, clock, write context). */
import { useWorkspaceStore } from './workspaceStore.ts';
import type { Workspace } from './workspace.ts';

export function useWorkspace(): Workspace {
  const workspace = useWorkspaceStore((s) => s.workspace);
  if (!workspace) throw new Error('useWorkspace() outside a signed-in desk');
  return workspace;
}
