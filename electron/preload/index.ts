// The preload: exposes the typed console API as window.consoleApi, and nothing else (never
// ipcRenderer itself, never a generic invoke). Sandboxed, so it is built as one CommonJS file
// with its libraries inside (STACK.md, trap 2); only `electron` is required at run time.
import { contextBridge, ipcRenderer } from 'electron';
import { createConsoleApi } from './console-api';

contextBridge.exposeInMainWorld('consoleApi', createConsoleApi(ipcRenderer));
