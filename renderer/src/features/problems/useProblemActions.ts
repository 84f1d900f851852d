/** The list's actions (send again, discard, open) with their outcome as a message for the manager. */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemDocumentMissingError, type SyncProblem } from '../../db/syncProblemRepository.ts';
import { ApiRequestError } from '../../sync/apiClient.ts';
import { discardChange, sendAgain } from './problemActions.ts';
import type { Workspace } from '../../services/session/workspace.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { editorSectionOf } from './problemTargets.ts';

export interface ProblemActions {
  busyKey: string | null;
  error: string | null;
  clearError(): void;
  open(problem: SyncProblem): void;
  retry(problem: SyncProblem): Promise<void>;
  discard(problem: SyncProblem): Promise<void>;
}

export function useProblemActions(ws: Workspace): ProblemActions {
  const { t } = useTranslation();
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const messageOf = (err: unknown): string => {
    if (err instanceof ApiRequestError && err.kind === 'network') return t('problems.errors.offline');
    if (err instanceof ProblemDocumentMissingError) return t('problems.errors.missing');
    console.error('sync problem action', err);
    return t('problems.errors.failed', { detail: err instanceof Error ? err.message : String(err) });
  };

  const run = async (problem: SyncProblem, action: () => Promise<string>) => {
    setBusyKey(problem.key);
    setError(null);
    try {
      notifications.show({ message: await action(), color: 'teal', autoClose: 4_000 });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusyKey(null);
    }
  };

  return {
    busyKey,
    error,
    clearError: () => setError(null),
    open(problem) {
      const section = editorSectionOf(problem.collectionName);
      if (section === 'queue') useRouteStore.getState().openTicket(problem.docId);
      else if (section) useRouteStore.getState().go(section, problem.docId);
    },
    retry: (problem) =>
      run(problem, async () => {
        await sendAgain(ws, problem.collectionName, problem.docId);
        return t('problems.sent', { label: problem.label });
      }),
    discard: (problem) =>
      run(problem, async () => {
        const outcome = await discardChange(ws, problem.collectionName, problem.docId);
        return t(outcome === 'restored' ? 'problems.restored' : 'problems.removed', { label: problem.label });
      }),
  };
}
