/**
 * Things the desk runs while signed in that have no place of their own on screen: dialogs opened
 * from anywhere (sign-out, new ticket) and background work (alarms for the host, a client's follow-up).
 */
import { AlarmCenter } from '../features/alarms/index.ts';
import { FollowUpNotices } from '../features/channels/index.ts';
import { IntakeModal } from '../features/intake/index.ts';
import { SignOutDialog } from '../features/settings/index.ts';

export function DeskEffects() {
  return (
    <>
      <SignOutDialog />
      <IntakeModal />
      <AlarmCenter />
      <FollowUpNotices />
    </>
  );
}
