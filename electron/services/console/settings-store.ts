// The console's settings, beside the workspaces in settings.json: they hold before anyone signs
// in (the theme of the sign-in screen) and across workspaces. Also remembers the last workspace,
// so a restart opens it again, offline if need be. Written atomically (temp file + rename).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { settingsSchema, type Settings } from '../../contract';

const fileSchema = z.object({
  settings: settingsSchema.partial().default({}),
  lastWorkspace: z.object({ platformUrl: z.string(), moderatorId: z.string() }).nullable().default(null),
});
type SettingsFile = z.infer<typeof fileSchema>;

export const DEFAULT_SETTINGS: Settings = { undoSeconds: 5, theme: 'auto', blurImages: false };

export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
  lastWorkspace(): SettingsFile['lastWorkspace'];
  setLastWorkspace(workspace: SettingsFile['lastWorkspace']): void;
}

/**
 * `overrides` come from the command line (`--undo-seconds`): they win for this run without being
 * saved, until the moderator changes that setting.
 */
export function createSettingsStore(dataDir: string, overrides: Partial<Settings> = {}): SettingsStore {
  const active: Partial<Settings> = { ...overrides };
  const file = join(dataDir, 'settings.json');
  let state: SettingsFile = { settings: {}, lastWorkspace: null };
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) state = parsed.data;
  } catch {
    // No file yet, or an unreadable one: start from the defaults.
  }
  const save = () => {
    mkdirSync(dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state, null, 2));
    renameSync(temp, file);
  };
  return {
    get: () => ({ ...DEFAULT_SETTINGS, ...state.settings, ...active }),
    set(patch) {
      state = { ...state, settings: { ...state.settings, ...patch } };
      for (const key of Object.keys(patch) as Array<keyof Settings>) delete active[key];
      save();
      return { ...DEFAULT_SETTINGS, ...state.settings, ...active };
    },
    lastWorkspace: () => state.lastWorkspace,
    setLastWorkspace(workspace) {
      state = { ...state, lastWorkspace: workspace };
      save();
    },
  };
}
