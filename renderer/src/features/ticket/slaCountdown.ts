/**
 * What a live SLA timer shows (ticket view, queue): one metric's state turned into a countdown
 * the manager reads at a glance. Pure: the state comes from computeSla at the ticker's `now`.
 */
import type { SlaMetricState, SlaStage } from '#shared/sla/computeSla.ts';

export type CountdownKind = 'running' | 'paused' | 'met' | 'breached';

export interface Countdown {
  kind: CountdownKind;
  stage: SlaStage;
  /** Working time left (running, paused) or overdue (breached), as H:MM:SS; '' once met. */
  clock: string;
  dueAt: number;
  metAt: number | null;
}

/** Whole seconds as H:MM:SS (hours are not wrapped at 24: a 48-hour target reads 47:59:59). */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

export function countdownOf(state: SlaMetricState): Countdown {
  const base = { stage: state.stage, dueAt: state.dueAt, metAt: state.metAt };
  if (state.stage === 'met') return { ...base, kind: 'met', clock: '' };
  if (state.stage === 'breached') {
    // Overdue time is shown on the wall clock: a client waiting overnight waited the whole night.
    return { ...base, kind: 'breached', clock: formatClock(-state.remainingWallMinutes * 60) };
  }
  const clock = formatClock(Math.ceil(state.remainingWorkingMinutes * 60));
  return { ...base, kind: state.stage === 'paused' ? 'paused' : 'running', clock };
}
