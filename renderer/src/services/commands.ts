/**
 * The command registry: every frequent action is a command with a label, an optional shortcut and
 * a run function. The palette (Ctrl+K) lists them; features register theirs while mounted, so the
 * palette always offers what makes sense on the screen in front of the manager.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

export interface Command {
  id: string;
  label: string;
  /** Palette group: its heading as shown, translated (shell.palette.group*). */
  group: string;
  /**
   * Mantine hotkey on physical keys (so it works on a Russian layout too): 'alt+n', 'alt+digit1',
   * 'mod+k', 'shift+slash'. Shown in the palette and tooltips as 'Alt+N', 'Alt+1'...
   */
  shortcut?: string;
  keywords?: string[];
  run(): void;
}

interface CommandStore {
  owners: Map<string, Command[]>;
  register(owner: string, commands: Command[]): void;
  unregister(owner: string): void;
}

export const useCommandStore = create<CommandStore>((set, get) => ({
  owners: new Map(),
  register(owner, commands) {
    const held = get().owners.get(owner);
    // Same commands as before (labels may change with the language): keep the store as it is, so
    // registering on every render costs nothing; run() always reaches the latest closure below.
    if (held && signature(held) === signature(commands)) {
      held.forEach((c, i) => Object.assign(c, commands[i]));
      return;
    }
    const owners = new Map(get().owners);
    owners.set(
      owner,
      commands.map((c) => ({ ...c })),
    );
    set({ owners });
  },
  unregister(owner) {
    const owners = new Map(get().owners);
    owners.delete(owner);
    set({ owners });
  },
}));

function signature(commands: Command[]): string {
  return commands.map((c) => `${c.id}|${c.label}|${c.shortcut ?? ''}|${c.group}`).join('\n');
}

export function allCommands(owners: Map<string, Command[]>): Command[] {
  return [...owners.values()].flat();
}

/** Registers a component's commands while it is mounted. */
export function useCommands(owner: string, commands: Command[]): void {
  const { register, unregister } = useCommandStore.getState();
  useEffect(() => {
    register(owner, commands);
  });
  useEffect(() => () => unregister(owner), [owner, unregister]);
}

/** 'mod+shift+N' -> 'Ctrl+Shift+N' (⌘ on macOS) for display. */
export function shortcutLabel(hotkey: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
  return hotkey
    .split('+')
    .map((part) => {
      const p = part.toLowerCase();
      if (p === 'mod') return mac ? '⌘' : 'Ctrl';
      if (p === 'ctrl') return 'Ctrl';
      if (p === 'alt') return mac ? '⌥' : 'Alt';
      if (p === 'shift') return 'Shift';
      if (p === 'enter') return 'Enter';
      if (p === 'escape') return 'Esc';
      if (p === 'arrowup') return '↑';
      if (p === 'arrowdown') return '↓';
      if (p === 'slash') return '/';
      if (p.startsWith('digit')) return p.slice(5);
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join('+');
}
