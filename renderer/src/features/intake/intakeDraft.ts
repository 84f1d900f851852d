/**
 * The intake form's draft. It outlives the modal (closed by accident, a failed save) and a reload
 * of the window (sessionStorage); it is cleared only when the ticket is created.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Channel, Priority, Product, TicketType } from '#shared/vocabulary/enums.ts';

export interface IntakeDraft {
  channel: Channel;
  organizationName: string;
  siteName: string;
  contact: { name: string; phone: string; email: string; messenger: string };
  product: Product | null;
  type: TicketType;
  priority: Priority;
  subject: string;
  description: string;
  repeatOf: string | null;
}

export function emptyDraft(): IntakeDraft {
  return {
    channel: 'phone',
    organizationName: '',
    siteName: '',
    contact: { name: '', phone: '', email: '', messenger: '' },
    product: null,
    type: 'incident',
    priority: 'standard',
    subject: '',
    description: '',
    repeatOf: null,
  };
}

/** True when the manager has typed anything worth keeping. */
export function draftHasText(d: IntakeDraft): boolean {
  return [d.organizationName, d.siteName, d.subject, d.description, ...Object.values(d.contact)].some((v) => v.trim() !== '');
}

interface IntakeDraftStore {
  draft: IntakeDraft;
  patch(p: Partial<IntakeDraft>): void;
  patchContact(p: Partial<IntakeDraft['contact']>): void;
  reset(): void;
}

export const useIntakeDraft = create<IntakeDraftStore>()(
  persist(
    (set) => ({
      draft: emptyDraft(),
      patch: (p) => set((s) => ({ draft: { ...s.draft, ...p } })),
      patchContact: (p) => set((s) => ({ draft: { ...s.draft, contact: { ...s.draft.contact, ...p } } })),
      reset: () => set({ draft: emptyDraft() }),
    }),
    {
      name: 'pass24desk.intakeDraft.v1',
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ draft: s.draft }),
      // A draft saved by an older build may lack fields: fill them from an empty one.
      merge: (persisted, current) => {
        const saved = (persisted as { draft?: Partial<IntakeDraft> } | undefined)?.draft ?? {};
        const base = emptyDraft();
        return { ...current, draft: { ...base, ...saved, contact: { ...base.contact, ...saved.contact } } };
      },
    },
  ),
);
