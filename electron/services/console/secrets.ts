// Where a workspace's platform token is kept. Electron's main process implements this with
// safeStorage (encrypted by the OS, never sent to the renderer); the browser host keeps tokens
// in memory only, for the life of the process.
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}
