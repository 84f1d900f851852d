/** Opens the "Новое обращение" form from anywhere (header button, Alt+N, the palette, the archive, a client page). */
import { create } from 'zustand';

/** Fields the form starts with when opened for a known client or as a repeat of a known ticket. */
export interface IntakePrefill {
  organizationName?: string;
  siteName?: string;
  product?: string | null;
}

interface IntakeBus {
  open: boolean;
  /** Prefill, e.g. a repeat of an existing ticket. */
  repeatOf: string | null;
  /** The number of `repeatOf` when the desk does not keep that ticket (opened from the archive). */
  repeatOfNumber: string | null;
  prefill: IntakePrefill | null;
}

export const useIntakeBus = create<IntakeBus>(() => ({ open: false, repeatOf: null, repeatOfNumber: null, prefill: null }));

export function openIntake(): void {
  useIntakeBus.setState({ open: true, repeatOf: null, repeatOfNumber: null, prefill: null });
}

/** Opens the form as a new ticket linked to `ticketId`, or for a client, with the fields given. */
export function openIntakeWith(options: { repeatOf?: string; repeatOfNumber?: string | null; prefill?: IntakePrefill }): void {
  useIntakeBus.setState({
    open: true,
    repeatOf: options.repeatOf ?? null,
    repeatOfNumber: options.repeatOfNumber ?? null,
    prefill: options.prefill ?? null,
  });
}

export function closeIntake(): void {
  useIntakeBus.setState({ open: false, repeatOf: null, repeatOfNumber: null, prefill: null });
}
