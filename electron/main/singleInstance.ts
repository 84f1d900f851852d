/**
 * One app per user: a second launch hands over to the first (which comes to the front) and quits.
 * Two instances would fire every alarm twice and fight over the same data folder.
 */
import { app } from 'electron';

/** Returns false when another instance owns the lock; this one is then quitting. */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondLaunch());
  return true;
}
