/** A list from the admin's routes: loaded on mount, reloaded after each change; failures as a sentence. */
import { useCallback, useEffect, useState } from 'react';

export interface AdminList<T> {
  items: T[] | null;
  error: string | null;
  reload(): Promise<void>;
}

export function useAdminList<T>(load: () => Promise<T[]>): AdminList<T> {
  const [answer, setAnswer] = useState<{ items: T[] | null; error: string | null }>({ items: null, error: null });
  const fetchList = useCallback(
    () =>
      load().then(
        (items) => setAnswer({ items, error: null }),
        (err: unknown) => setAnswer((a) => ({ items: a.items, error: (err as Error).message })),
      ),
    [load],
  );
  useEffect(() => {
    let cancelled = false;
    load().then(
      (items) => !cancelled && setAnswer({ items, error: null }),
      (err: unknown) => !cancelled && setAnswer((a) => ({ items: a.items, error: (err as Error).message })),
    );
    return () => {
      cancelled = true;
    };
  }, [load]);
  return { ...answer, reload: fetchList };
}

/** Runs an admin action; its failure (the endpoint's Russian sentence) is returned rather than thrown. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/**
 * The changes a panel makes to its list: each one's failure kept as the panel's sentence (cleared
 * by the next success), what follows a success done, and the list reloaded either way, since a
 * refused change may still meet a list that moved.
 */
export function useAdminChanges(list: Pick<AdminList<unknown>, 'reload'>) {
  const [error, setError] = useState<string | null>(null);
  const run = async <T>(action: () => Promise<T>, after?: (value: T) => void): Promise<void> => {
    const result = await attempt(action);
    setError(result.ok ? null : result.message);
    if (result.ok) after?.(result.value);
    await list.reload();
  };
  return { error, run };
}
