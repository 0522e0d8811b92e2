// A stand-in for the `electron` module, for running the built main process under plain Node
// where the Electron binary is absent (test/electron/main-process.test.ts). It implements only
// what electron/main/ calls, records what main does with it and reports that to the test over
// the process's IPC channel; the test drives it the same way (IPC calls from the window or from
// elsewhere, a link to open, a navigation, a response's headers, quit). The demo's platform
// runs as a Node child process where Electron would start a utility process.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = (message) => process.send?.(message);
const paths = { appData: mkdtempSync(join(tmpdir(), 'stand-in-appdata-')) };
const windows = [];
let nextId = 1;

class App extends EventEmitter {
  isPackaged = false;
  name = 'stand-in';
  setName(name) {
    this.name = name;
  }
  setPath(name, value) {
    paths[name] = value;
  }
  getPath(name) {
    if (paths[name] === undefined) throw new Error(`no path ${name}`);
    return paths[name];
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    for (const window of [...windows]) window.close();
    this.emit('will-quit');
    report({ type: 'exit' });
    setImmediate(() => process.exit(0));
  }
  exit(code) {
    report({ type: 'exit', code });
    process.exit(code);
  }
}
export const app = new App();

class WebContents extends EventEmitter {
  id = nextId++;
  url = '';
  openHandler = null;
  getURL() {
    return this.url;
  }
  send(channel, payload) {
    report({ type: 'sent', channel, payload });
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows];
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    this.visible = false;
    this.maximized = false;
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.webContents.url = url;
    report({ type: 'window', options: this.options, url });
    setImmediate(() => this.emit('ready-to-show'));
  }
  close() {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    windows.splice(windows.indexOf(this), 1);
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  isVisible() {
    return this.visible;
  }
  show() {
    this.visible = true;
    report({ type: 'shown' });
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    const { x = 40, y = 30, width, height } = this.options;
    return { x, y, width, height };
  }
}

const handlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
};

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu(menu) {
    const labels = (items) => items.flatMap((item) => [item.label ?? item.role ?? item.type, ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]);
    report({ type: 'menu', labels: labels(menu) });
  },
};

export const nativeTheme = { shouldUseDarkColors: false };
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };

// A real cipher under a key of this run, where Electron would use the OS keyring.
const key = randomBytes(32);
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  async encryptStringAsync(text) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  async decryptStringAsync(data) {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return { shouldReEncrypt: false, result: Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8') };
  },
};

const sessionHandlers = {};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (sessionHandlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (sessionHandlers.permissionCheck = handler),
    setDevicePermissionHandler: (handler) => (sessionHandlers.devicePermission = handler),
    webRequest: { onHeadersReceived: (handler) => (sessionHandlers.headers = handler) },
  },
};

export const shell = {
  async openExternal(url) {
    report({ type: 'openExternal', url });
  },
};

export const utilityProcess = {
  fork(modulePath, args, options) {
    const child = fork(modulePath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    report({ type: 'utilityProcess', modulePath, args, options, pid: child.pid });
    return {
      get pid() {
        return child.pid;
      },
      stdout: child.stdout,
      stderr: child.stderr,
      once: (event, listener) => child.once(event, (code) => listener(code ?? 1)),
      kill: () => child.kill('SIGTERM'),
    };
  },
};

// The test's requests.
process.on('message', async (message) => {
  const window = windows[0];
  const answer = (value) => report({ type: 'answer', id: message.id, value });
  try {
    if (message.type === 'invoke') {
      const handler = handlers.get(message.channel);
      if (handler === undefined) return answer({ noHandler: message.channel });
      const fromWindow = message.from === 'window';
      const event = {
        sender: fromWindow ? window.webContents : { id: 9999 },
        senderFrame: { url: fromWindow ? window.webContents.url : 'https://evil.example/', parent: message.subframe === true ? {} : null },
      };
      answer(await handler(event, message.input));
    } else if (message.type === 'open') {
      answer(window.webContents.openHandler({ url: message.url }));
    } else if (message.type === 'navigate') {
      let prevented = false;
      window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, message.url);
      answer({ prevented });
    } else if (message.type === 'headers') {
      sessionHandlers.headers({ url: message.url, responseHeaders: message.headers }, (response) => answer(response));
    } else if (message.type === 'permission') {
      sessionHandlers.permissionRequest(window.webContents, 'media', (granted) => answer({ request: granted, check: sessionHandlers.permissionCheck(window.webContents, 'media') }));
    } else if (message.type === 'quit') {
      app.quit();
    }
  } catch (error) {
    answer({ error: String(error?.stack ?? error) });
  }
});
