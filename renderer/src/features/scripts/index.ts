export { ScriptsSection } from './ScriptsSection.tsx';
export { ScriptPicker, copyShortcut } from './ScriptPicker.tsx';
export type { ScriptPickerProps } from './ScriptPicker.tsx';
export { useScripts } from './scriptQueries.ts';
export { ScriptSuggestion } from './ScriptSuggestion.tsx';
export { useSuggestedScript } from './useSuggestedScript.ts';
export type { SuggestedScript } from './useSuggestedScript.ts';
