/** Subscribes a component to an observable (an RxDB query's `$`), re-subscribing when deps change. */
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

export function useObservable<T>(factory: () => Observable<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = factory().subscribe({ next: setValue, error: (err: unknown) => console.error('query failed', err) });
    return () => sub.unsubscribe();
    // The caller lists the factory's inputs in deps, as with useMemo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
