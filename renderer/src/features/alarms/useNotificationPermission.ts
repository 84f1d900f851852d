/**
 * The web host needs the browser's permission for desktop notifications: asked once after sign-in
 * while the browser has not been asked yet. Without it (refused, unsupported) the in-window banner
 * with the alert tone takes the notification's place, and Настройки says why.
 */
import { useEffect } from 'react';
import { requestWebNotificationPermission } from '../../host/index.ts';
import { useHost } from '../../services/hostContext.ts';

export function useAskNotificationPermissionOnWeb(): void {
  const host = useHost();
  useEffect(() => {
    if (host.kind !== 'web' || typeof Notification === 'undefined' || Notification.permission !== 'default') return;
    void requestWebNotificationPermission();
  }, [host]);
}
