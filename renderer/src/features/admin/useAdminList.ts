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
