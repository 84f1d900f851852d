/**
 * The auth token at rest: encrypted with safeStorage (the OS keychain / DPAPI / libsecret) and kept
 * as base64 ciphertext in electron-store. Where the OS offers no real encryption (safeStorage
 * unavailable, or Linux's 'basic_text' backend, which uses a fixed key), the token lives in memory
 * for this session only and the user signs in again next time: never plaintext on disk.
 */
import { safeStorage } from 'electron';
import type { DeskStore } from './deskStore.ts';

export class TokenVault {
  readonly #store: DeskStore;
  readonly #warn: (message: string) => void;
  /** The token of this session; undefined until read or set. */
  #session: string | null | undefined = undefined;

  constructor(store: DeskStore, warn: (message: string) => void = (m) => console.warn(m)) {
    this.#store = store;
    this.#warn = warn;
  }

  async encryptionAvailable(): Promise<boolean> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  }

  async get(): Promise<string | null> {
    if (this.#session !== undefined) return this.#session;
    const ciphertext = this.#store.getTokenCiphertext();
    if (ciphertext === null || !(await this.encryptionAvailable())) return (this.#session = null);
    try {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(ciphertext, 'base64'));
      if (shouldReEncrypt) await this.set(result);
      return (this.#session = result);
    } catch (error) {
      // A key the OS no longer has (new profile, reset keychain): the user signs in again.
      this.#warn(`token: the stored token cannot be decrypted and is dropped: ${String(error)}`);
      this.#store.setTokenCiphertext(null);
      return (this.#session = null);
    }
  }

  async set(token: string | null): Promise<void> {
    this.#session = token;
    if (token === null) {
      this.#store.setTokenCiphertext(null);
      return;
    }
    if (await this.encryptionAvailable()) {
      const ciphertext = await safeStorage.encryptStringAsync(token);
      this.#store.setTokenCiphertext(Buffer.from(ciphertext).toString('base64'));
      return;
    }
    this.#store.setTokenCiphertext(null);
    this.#warn('token: the system offers no encrypted storage (safeStorage); the token is kept in memory for this session only');
  }
}
