export { SettingsSection } from './SettingsSection.tsx';
export { SignOutDialog, openSignOut } from './SignOutDialog.tsx';
