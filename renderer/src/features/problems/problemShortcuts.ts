/** Physical-key shortcuts of the sync-problems list (see services/commands.ts). */
export const problemShortcuts = {
  next: 'j',
  previous: 'k',
  open: 'enter',
  retry: 'alt+r',
  discard: 'alt+x',
} as const;
