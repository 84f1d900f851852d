import { createContext, useContext } from 'react';
import type { Host } from '#shared/host.ts';

export const HostContext = createContext<Host | null>(null);

/** The host (Electron preload or web) for components. */
export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() outside <App>');
  return host;
}
