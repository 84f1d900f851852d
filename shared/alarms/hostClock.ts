/**
 * SLA instants are on server time (the renderer corrects its clock by the server's); the host fires
 * alarms by ITS OWN wall clock. offset = server - local, so an instant moves to the host's clock as
 * `at - offset`: with the workstation 2 minutes behind the server (offset +2 min), an alarm due at
 * 10:10 server time fires at 10:08 on the workstation's clock, which is 10:10 on the server's.
 */
import type { AlarmSpec } from '../host.ts';

export function alarmsOnHostClock(alarms: readonly AlarmSpec[], offsetMs: number): AlarmSpec[] {
  if (!Number.isFinite(offsetMs) || offsetMs === 0) return [...alarms];
  return alarms.map((a) => ({ ...a, at: a.at - offsetMs }));
}
