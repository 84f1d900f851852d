export { KbSection } from './KbSection.tsx';
export { KbSuggestions } from './KbSuggestions.tsx';
export { openKbEditor } from './kbStore.ts';
/**
 * The solution of an article as reply text, for the ticket's script picker to offer too.
 * @public
 */
export { solutionForReply } from './kbSuggest.ts';
