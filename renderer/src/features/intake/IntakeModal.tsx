/** Placeholder until this room is built (replaced by its owner). */
export function IntakeModal(_props: Record<string, never>) {
  return null;
}
