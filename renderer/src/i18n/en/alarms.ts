import type { alarms as ru } from '../ru/alarms.ts';
import type { EnglishOf } from '../messageShape.ts';

export const alarms: EnglishOf<typeof ru> = {
  bannerRegion: 'Alarms',
  open: 'Open',
  dismiss: 'Dismiss',
  late: 'late',
  more_one: 'and {{count}} more alarm',
  more_other: 'and {{count}} more alarms',
  commands: {
    openLatest: 'Open the ticket of the latest alarm',
    dismissAll: 'Dismiss all alarms',
  },
  settings: {
    title: 'Alarms',
    intro: 'When to warn about approaching SLA deadlines. 0 turns the warning off.',
    emergencyContactWarnBefore: 'Emergency: before the first-contact deadline',
    emergencyContactHint: 'Minutes before the deadline (first contact is due in 15 minutes)',
    emergencyResolutionWarnBefore: 'Emergency: before the resolution deadline',
    emergencyResolutionHint: 'Minutes before the deadline (resolution is due in 4 working hours)',
    standardResolutionWarnBefore: 'Standard and consultation: before the resolution deadline',
    standardResolutionHint: 'Working minutes before the deadline',
    minutes: 'min',
    sound: 'Sound with emergency alarms',
    save: 'Save',
    defaults: 'Restore defaults',
    saved: 'Alarm settings saved',
    saveFailed: 'The alarm settings could not be saved. Please try again.',
    check: 'Test an alarm',
    checkTitle: 'Test alarm',
    checkBody: 'This is how an emergency alarm looks',
    errors: {
      required: 'Enter a number of minutes',
      not_integer: 'Enter a whole number of minutes',
      out_of_range: 'Allowed from {{min}} to {{max}} minutes',
    },
    permission: {
      granted: 'The browser shows desktop notifications.',
      default: 'The browser has not allowed notifications yet: alarms show only inside the app window for now.',
      denied: 'Notifications are blocked for this site in the browser settings: alarms show inside the app window, with sound.',
      unsupported: 'The browser does not support notifications: alarms show inside the app window, with sound.',
      ask: 'Allow notifications',
    },
  },
};
