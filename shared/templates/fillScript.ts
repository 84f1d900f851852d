/**
 * A script filled in for a ticket, the one call the picker, the editor's preview and the
 * endpoint's acknowledgements make: the variant for the channel (or the one asked for), the
 * ticket's values, deadlines in the workspace's zone, the agent's answers to the prompts.
 */
import type { Channel } from '../vocabulary/enums.ts';
import { renderTemplate, type RenderResult } from './renderTemplate.ts';
import { scriptBodyFor, type ScriptDoc } from './scriptDoc.ts';
import type { PlaceholderValues } from './templateValues.ts';

export interface FilledScript extends RenderResult {
  variant: 'phone' | 'written';
  /** The script has both variants, so the agent may switch. */
  hasPhoneVariant: boolean;
}

export function fillScript(
  script: Pick<ScriptDoc, 'body' | 'phoneBody'>,
  channel: Channel,
  values: PlaceholderValues,
  options: { now: number; timeZone: string; answers?: Record<string, string>; variant?: 'phone' | 'written' },
): FilledScript {
  const hasPhoneVariant = Boolean(script.phoneBody);
  const chosen =
    options.variant === 'phone' && hasPhoneVariant
      ? { body: script.phoneBody!, variant: 'phone' as const }
      : options.variant === 'written'
        ? { body: script.body, variant: 'written' as const }
        : scriptBodyFor(script, channel);
  const rendered = renderTemplate(chosen.body, values, {
    now: options.now,
    timeZone: options.timeZone,
    answers: options.answers,
  });
  return { ...rendered, variant: chosen.variant, hasPhoneVariant };
}
