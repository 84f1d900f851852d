/** Applies a workflow move through the repository and turns a refusal into the user's message. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowAction } from '#shared/domain/workflow.ts';
import { applyTicketAction } from '../../db/ticketRepository.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';

export interface ApplyState {
  busy: boolean;
  error: string | null;
  /** Resolves true when the move was applied; on refusal `error` holds the message. */
  apply(action: WorkflowAction): Promise<boolean>;
  clearError(): void;
}

export function useApplyAction(ticketId: string): ApplyState {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const apply = async (action: WorkflowAction): Promise<boolean> => {
    setBusy(true);
    try {
      const outcome = await applyTicketAction(db, ticketId, action, write);
      if (!outcome.ok) {
        setError(t(`ticket.errors.${outcome.error.code}`));
        return false;
      }
      setError(null);
      return true;
    } catch (err) {
      console.error('workflow action failed', err);
      setError(t('ticket.errors.saveFailed'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, apply, clearError: () => setError(null) };
}
