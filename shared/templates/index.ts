/**
 * shared/templates: reply scripts, pure. Filling a script in from a ticket (renderTemplate,
 * templateValues, formatDueRu), reading its placeholders and prompts, choosing the script a
 * situation calls for and the variant a channel calls for, and the picker's Russian search.
 * Used by the desk and by the endpoint's automatic acknowledgements.
 */
export { formatDueRu } from './formatDueRu.ts';
export { renderTemplate } from './renderTemplate.ts';
export { placeholderNames, promptsOf } from './placeholders.ts';
export type { PlaceholderName } from './placeholders.ts';
export { templateValues } from './templateValues.ts';
export { canEditScript, isVisibleTo, scriptBodyFor } from './scriptDoc.ts';
export type { ScriptDoc } from './scriptDoc.ts';
export { scriptForSituation, situationOf, situations } from './scriptSituation.ts';
export type { Situation } from './scriptSituation.ts';
export { buildScriptIndex, createScriptIndex, searchScripts, syncScriptIndex } from './scriptSearch.ts';
export type { ScriptIndex } from './scriptSearch.ts';
export { scriptUsage } from './scriptUsage.ts';
export type { ScriptUsage } from './scriptUsage.ts';
export { canCreateShared, checkScriptDraft, draftOf, scriptFields } from './scriptDraft.ts';
export type { ScriptDraft, ScriptDraftError } from './scriptDraft.ts';
export { fillScript } from './fillScript.ts';
export type { FilledScript } from './fillScript.ts';
