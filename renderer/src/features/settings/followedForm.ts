/**
 * A form over stored values that may change elsewhere (another desk saves): while the form is
 * untouched it follows them; once something is typed the edits stay, and newer values wait beside
 * them until the user takes them. Nothing typed is ever replaced without the user asking.
 *
 * Values are compared by what they mean, part by part (a minute typed as «015» means 15): stored
 * values that only move towards what the form says (the form's own save arriving one part at a
 * time) are no news.
 */
import { useState } from 'react';

export interface FollowedForm<F> {
  /** What the user sees and edits. */
  readonly form: F;
  /** The stored values the form was last filled from. */
  readonly base: F;
  /** Newer stored values that arrived while the form had edits; null when none wait. */
  readonly incoming: F | null;
}

/** What a form's parts mean, by name: equal meanings are equal values, however typed. */
export type Meaning<F> = (form: F) => Readonly<Record<string, unknown>>;

const json = (v: unknown): string => JSON.stringify(v);

export function followedForm<F>(values: F): FollowedForm<F> {
  return { form: values, base: values, incoming: null };
}

/** Whether the form means something the stored values it was filled from do not. */
export function isEdited<F>(state: FollowedForm<F>, meaning: Meaning<F>): boolean {
  return json(meaning(state.form)) !== json(meaning(state.base));
}

/** The stored values as they are now (given whenever they may have changed). */
export function valuesArrived<F>(state: FollowedForm<F>, values: F, meaning: Meaning<F>): FollowedForm<F> {
  const now = meaning(values);
  const base = meaning(state.base);
  const form = meaning(state.form);
  const towardsForm = Object.keys(now).every((k) => json(now[k]) === json(base[k]) || json(now[k]) === json(form[k]));
  if (towardsForm) return { ...state, base: values, incoming: null };
  if (!isEdited(state, meaning)) return followedForm(values);
  return { ...state, incoming: values };
}

/** The user's edit. */
export function edited<F>(state: FollowedForm<F>, form: F): FollowedForm<F> {
  return { ...state, form };
}

/** The user takes the newer stored values in place of their edits. */
export function takeIncoming<F>(state: FollowedForm<F>): FollowedForm<F> {
  return state.incoming === null ? state : followedForm(state.incoming);
}

/**
 * The form state over `values`, which may be a new object each render: it is news only when its
 * content changes.
 */
export function useFollowedForm<F>(values: F, meaning: Meaning<F>) {
  const key = json(values);
  const [held, setHeld] = useState(() => ({ key, state: followedForm(values) }));
  let current = held;
  if (held.key !== key) {
    // Adjusted while rendering, as React advises for state that follows changing props.
    current = { key, state: valuesArrived(held.state, values, meaning) };
    setHeld(current);
  }
  return {
    form: current.state.form,
    incoming: current.state.incoming,
    update: (change: (form: F) => F) => setHeld((h) => ({ ...h, state: edited(h.state, change(h.state.form)) })),
    take: () => setHeld((h) => ({ ...h, state: takeIncoming(h.state) })),
  };
}
