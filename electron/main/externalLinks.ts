/** Opening links outside the app: only http(s), mailto: and tel: ever reach the operating system. */
import { shell } from 'electron';
import { isAllowedExternalUrl } from '../../shared/host.ts';

const maxUrlLength = 8_192;

export async function openExternalSafely(url: unknown): Promise<boolean> {
  if (typeof url !== 'string' || url.length > maxUrlLength || !isAllowedExternalUrl(url)) return false;
  try {
    await shell.openExternal(url.trim());
    return true;
  } catch (error) {
    console.warn(`openExternal failed for ${url}:`, error);
    return false;
  }
}
