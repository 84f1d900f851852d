export { ScriptsSection } from './ScriptsSection.tsx';
export { ScriptPicker } from './ScriptPicker.tsx';
export { ScriptSuggestion } from './ScriptSuggestion.tsx';
export { useSuggestedScript } from './useSuggestedScript.ts';
export { CallScript } from './CallScript.tsx';
export type { ChosenCallScript } from './CallScript.tsx';
