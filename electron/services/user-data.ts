// Where the console keeps its workspaces when no --data is given: the same folder Electron's
// app.getPath('userData') gives the desktop app (its productName under the OS's app-data
// folder), so the browser host and the window share their workspaces.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Moderation Console';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), PRODUCT_NAME);
}
