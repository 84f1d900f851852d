/** Opens the "Новое обращение" form from anywhere (header button, Alt+N, the palette). */
import { create } from 'zustand';

interface IntakeBus {
  open: boolean;
  /** Prefill, e.g. a repeat of an existing ticket. */
  repeatOf: string | null;
}

export const useIntakeBus = create<IntakeBus>(() => ({ open: false, repeatOf: null }));

export function openIntake(): void {
  useIntakeBus.setState({ open: true, repeatOf: null });
}

export function closeIntake(): void {
  useIntakeBus.setState({ open: false, repeatOf: null });
}
