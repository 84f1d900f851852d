/**
 * Where the manager is: the section and the open ticket. Mirrored to the URL hash
 * (#/queue, #/queue/<ticketId>, #/kb/<articleId>, #/archive/<ticketId>, #/clients/<clientId>) so a reload comes back to the same place.
 */
import { create } from 'zustand';

export const sections = [
  'queue',
  'kb',
  'scripts',
  'reports',
  'settings',
  'archive',
  'clients',
  'approvals',
  'problems',
  'admin',
] as const;
export type Section = (typeof sections)[number];
/** The sections of the navigation bar, in order; Alt+1..6 reach them. */
export const navSections: readonly Section[] = ['queue', 'kb', 'scripts', 'reports', 'settings', 'archive'];

export interface Route {
  section: Section;
  /** The open item of the section (a ticket in the queue, an article in the KB). */
  itemId: string | null;
}

interface RouteStore extends Route {
  go(section: Section, itemId?: string | null): void;
  openTicket(ticketId: string): void;
  closeItem(): void;
}

export function parseHash(hash: string): Route {
  const [section, itemId] = hash.replace(/^#\/?/, '').split('/');
  const known = (sections as readonly string[]).includes(section ?? '') ? (section as Section) : 'queue';
  return { section: known, itemId: itemId ? decodeURIComponent(itemId) : null };
}

export function routeHash(route: Route): string {
  return `#/${route.section}${route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''}`;
}

export const useRouteStore = create<RouteStore>((set, get) => ({
  ...parseHash(typeof location === 'undefined' ? '' : location.hash),
  go: (section, itemId = null) => set({ section, itemId }),
  openTicket: (ticketId) => set({ section: 'queue', itemId: ticketId }),
  closeItem: () => set({ itemId: null, section: get().section }),
}));

if (typeof window !== 'undefined') {
  useRouteStore.subscribe((route) => {
    const hash = routeHash(route);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  });
  window.addEventListener('hashchange', () => {
    const next = parseHash(location.hash);
    const cur = useRouteStore.getState();
    if (next.section !== cur.section || next.itemId !== cur.itemId) useRouteStore.setState(next);
  });
}
