// The preload exposes the typed console API and nothing else (never ipcRenderer itself).
// The console API contract arrives with the console issues; until then it exposes its version.
import { contextBridge } from 'electron';

const consoleApi = { apiVersion: 1 } as const;

contextBridge.exposeInMainWorld('consoleApi', consoleApi);
