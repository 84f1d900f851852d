/** Placeholder until this room is built (replaced by its owner). */
export function SyncProblemsSection(_props: Record<string, never>) {
  return null;
}
