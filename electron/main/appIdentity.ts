/** Windows: notifications and taskbar grouping belong to this ID (must match the installer's). */
export const appUserModelId = 'online.pass24.supportdesk';
