import type { settings as ru } from '../ru/settings.ts';
import type { EnglishOf } from '../messageShape.ts';

export const settings: EnglishOf<typeof ru> = {
  title: 'Settings',
  appearance: 'Appearance',
  language: 'Interface language',
  theme: 'Theme',
  themes: { light: 'Light', dark: 'Dark', auto: 'System' },
  work: 'Work',
  onShift: 'On shift',
  onShiftHint: 'Receive alarms about new emergency tickets nobody has taken yet',
  account: 'Account',
  signedInAs: '{{name}} ({{login}}), {{role}}',
  endpoint: 'Server',
  embedded: 'Embedded server on this computer',
  signOut: 'Sign out…',
  about: 'About',
  version: 'Version {{version}} ({{kind}})',
  notificationsOk: 'System notifications are available',
  notificationsOff: 'System notifications are unavailable: {{reason}}. Alarms show as a banner in the app window, with sound.',
  notificationReasons: {
    browser: 'the browser does not support notifications',
    denied: 'notifications are blocked for this site in the browser settings',
    default: 'the browser has not allowed notifications yet',
  },
};
