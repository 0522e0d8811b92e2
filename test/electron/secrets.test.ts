// The desktop app's token store, with a real cipher (AES-256-GCM under a key made for the test)
// where the app uses safeStorage: the file holds nothing readable, survives a restart, and a
// file that cannot be decrypted costs the kept tokens, never a crash.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptedFileSecrets, type SecretCipher } from '../../electron/services/secrets/encrypted-file-secrets';

function aesCipher(key = randomBytes(32)): SecretCipher {
  return {
    async encrypt(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'secrets-test-'));
  file = join(dir, 'userData', 'platform-tokens.bin');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the encrypted token file', () => {
  it('keeps tokens across a restart, and holds neither a token nor a key in the clear', async () => {
    const cipher = aesCipher();
    const store = encryptedFileSecrets(file, cipher);
    await store.set('token:abc', 'secret-token-value');
    await store.set('token:def', 'another');
    const bytes = readFileSync(file);
    expect(bytes.includes('secret-token-value')).toBe(false);
    expect(bytes.includes('token:abc')).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const reopened = encryptedFileSecrets(file, cipher);
    await expect(reopened.get('token:abc')).resolves.toBe('secret-token-value');
    await reopened.delete('token:abc');
    await expect(encryptedFileSecrets(file, cipher).get('token:abc')).resolves.toBeUndefined();
    await expect(encryptedFileSecrets(file, cipher).get('token:def')).resolves.toBe('another');
  });

  it('answers undefined before anything is kept', async () => {
    await expect(encryptedFileSecrets(file, aesCipher()).get('token:x')).resolves.toBeUndefined();
  });

  it('starts empty, and says so, when the file cannot be decrypted (another key, a damaged file)', async () => {
    await encryptedFileSecrets(file, aesCipher()).set('token:a', 'one');
    const logged: string[] = [];
    const otherKey = encryptedFileSecrets(file, aesCipher(), (line) => void logged.push(line));
    await expect(otherKey.get('token:a')).resolves.toBeUndefined();
    expect(logged.join('\n')).toMatch(/could not be read/);
    await otherKey.set('token:b', 'two');
    await expect(otherKey.get('token:b')).resolves.toBe('two');

    writeFileSync(file, 'not encrypted at all');
    await expect(encryptedFileSecrets(file, aesCipher()).get('token:b')).resolves.toBeUndefined();
  });

  it('applies writes in call order', async () => {
    const cipher = aesCipher();
    const store = encryptedFileSecrets(file, cipher);
    await Promise.all([store.set('k', '1'), store.set('k', '2'), store.delete('k'), store.set('k', '3')]);
    await expect(encryptedFileSecrets(file, cipher).get('k')).resolves.toBe('3');
  });

  it('refuses an oversized value and keeps what it had', async () => {
    const cipher = aesCipher();
    const store = encryptedFileSecrets(file, cipher);
    await store.set('k', 'small');
    await expect(store.set('k', 'x'.repeat(10_001))).rejects.toThrow(RangeError);
    await expect(encryptedFileSecrets(file, cipher).get('k')).resolves.toBe('small');
  });
});
