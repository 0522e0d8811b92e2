// Electron entry, thin on purpose (ARCHITECTURE.md): one locked-down window, the menu, the
// console API bound to IPC, the platform token in safeStorage, the demo workspace when no
// platform is configured, and a clean shutdown. The decisions live in small modules beside this
// one that tests load without Electron; the console itself lives in electron/services/.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  Menu,
  ipcMain,
  nativeTheme,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { IPC_EVENTS_CHANNEL, consoleEventSchema, type ConsoleEvent } from '../contract';
import { createConsole, type ConsoleService } from '../services/console/console';
import { memorySecrets, type SecretStore } from '../services/console/secrets';
import { createSettingsStore } from '../services/console/settings-store';
import { encryptedFileSecrets } from '../services/secrets/encrypted-file-secrets';
import { PRODUCT_NAME } from '../services/user-data';
import { appUrls, isTrustedSender } from './app-url';
import { withContentSecurityPolicy } from './csp-header';
import { launchDemoPlatform, type RunningDemo } from './demo-platform';
import { discardDemoWorkspace, planStart, readDemoRecord, recordingSecrets, writeDemoRecord } from './demo-workspace';
import { externalHostOf } from './external-links';
import { bindConsoleIpc } from './ipc';
import { menuEvent, menuTemplate } from './menu';
import { createConsoleWindow, grantsPermission, mayNavigate, newWindowDecision } from './window';
import { fitToScreens, loadWindowState, saveWindowState } from './window-state';

const log = (line: string) => console.error(`[${new Date().toISOString()}] ${line}`);

// userData is the product's name under the OS's app-data folder, exactly as the browser host
// computes it (electron/services/user-data.ts), so both open the same workspaces. A development
// run may point it elsewhere (the launch test does).
const devDataDir = app.isPackaged ? undefined : process.env['CONSOLE_DATA_DIR'];
app.setName(PRODUCT_NAME);
app.setPath('userData', devDataDir !== undefined && devDataDir !== '' ? devDataDir : join(app.getPath('appData'), PRODUCT_NAME));

const urls = appUrls({ indexHtml: join(import.meta.dirname, '../renderer/index.html'), devServerUrl: process.env['ELECTRON_RENDERER_URL'], packaged: app.isPackaged });

let consoleWindow: BrowserWindow | null = null;
let service: ConsoleService | null = null;
let demo: RunningDemo | null = null;
/** Aborted at quit, so a demo platform still generating its marketplace is stopped too. */
const demoStarting = new AbortController();
let demoStart: Promise<void> | null = null;
let externalHosts: ReadonlySet<string> = new Set();
let unbindIpc: (() => void) | null = null;
let quitting = false;
let shutDown = false;

async function openSecrets(file: string): Promise<SecretStore> {
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  // Linux without a keyring falls back to a fixed, public key: that would be no protection.
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!available || weak) {
    log('no OS keyring for safeStorage: platform tokens are kept for this session only (sign in again next start)');
    return memorySecrets();
  }
  return encryptedFileSecrets(file, { encrypt: (text) => safeStorage.encryptStringAsync(text), decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result }, log);
}

/** Every webContents: no navigation away, no new windows, no webviews. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (mayNavigate(url, urls)) return;
    event.preventDefault();
    log(`navigation to ${url.slice(0, 200)} blocked`);
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url, urls)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url, urls)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = newWindowDecision(url, externalHosts);
    // The URL passed isAllowedExternalUrl (https, an allow-listed host, no credentials).
    if (decision.openExternally) void shell.openExternal(url);
    else log(`a new window for ${url.slice(0, 200)} was refused`);
    return { action: decision.action };
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(grantsPermission()));
  ses.setPermissionCheckHandler(() => grantsPermission());
  ses.setDevicePermissionHandler(() => grantsPermission());
  // The same policy as renderer/index.html's meta tag, as a header wherever the page comes over
  // HTTP (the dev server); a file:// page carries the meta tag only.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = withContentSecurityPolicy(details.url, details.responseHeaders, urls);
    callback(responseHeaders === null ? {} : { responseHeaders });
  });
}

function isFromConsoleWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(
    { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null, isConsoleWindow: consoleWindow !== null && !consoleWindow.isDestroyed() && event.sender.id === consoleWindow.webContents.id },
    urls,
  );
}

/** Events reach the window only while it shows the console's page, and only as the contract has them. */
function sendToWindow(event: ConsoleEvent): void {
  const checked = consoleEventSchema.safeParse(event);
  if (!checked.success || consoleWindow === null || consoleWindow.isDestroyed()) return;
  if (!urls.isAppUrl(consoleWindow.webContents.getURL())) return;
  consoleWindow.webContents.send(IPC_EVENTS_CHANNEL, checked.data);
}

function followSession(current: ConsoleService): void {
  const host = externalHostOf(current.workspace()?.platformUrl);
  externalHosts = new Set(host === null ? [] : [host]);
  // Signed out of the demo, or into another platform: the demo's platform is no longer needed.
  if (demo !== null && current.workspace()?.platformUrl !== demo.url) {
    const ending = demo;
    demo = null;
    void ending.stop().catch((error: unknown) => log(`stopping the demo platform: ${String(error)}`));
  }
}

async function startDemo(current: ConsoleService, secrets: ReturnType<typeof recordingSecrets>, dataDir: string): Promise<void> {
  const demoDir = join(dataDir, 'demo');
  const recordFile = join(dataDir, 'demo-workspace.json');
  // A fresh marketplace each start: the previous demo's platform store goes.
  rmSync(demoDir, { recursive: true, force: true });
  mkdirSync(demoDir, { recursive: true });
  log('starting the demo workspace: a reference platform with a generated marketplace…');
  const running = await launchDemoPlatform({
    start: (entry, args) => utilityProcess.fork(entry, args, { stdio: 'pipe', serviceName: `${PRODUCT_NAME} demo platform` }),
    entry: join(import.meta.dirname, 'platform.js'),
    extraArgs: ['--store', join(demoDir, 'platform.sqlite')],
    hardKill: (pid) => process.kill(pid, 'SIGKILL'),
    signal: demoStarting.signal,
    log,
  });
  if (quitting || current.workspace() !== null) {
    // Quitting already, or the moderator signed in somewhere while the demo started.
    await running.stop();
    return;
  }
  demo = running;
  secrets.record(running.token);
  try {
    const signedIn = await current.signIn(running.url, running.token);
    writeDemoRecord(recordFile, { platformUrl: signedIn.platformUrl, moderatorId: signedIn.moderator.id, secretKeys: secrets.recorded() });
  } finally {
    secrets.record(null);
  }
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const recordFile = join(dataDir, 'demo-workspace.json');
  const secrets = recordingSecrets(await openSecrets(join(dataDir, 'platform-tokens.bin')));
  lockDownSession();

  // Resume the last workspace; the demo when there is none, or when the last one was a demo.
  const oldDemo = readDemoRecord(recordFile);
  let plan = planStart(createSettingsStore(dataDir).lastWorkspace(), oldDemo);
  if (oldDemo !== null) {
    await discardDemoWorkspace(dataDir, oldDemo, secrets).catch((error: unknown) => log(`removing the previous demo workspace: ${String(error)}`));
    if (plan === 'resume') writeDemoRecord(recordFile, null);
  }
  let current = createConsole({ dataDir, secrets, log, demo: plan === 'demo' });
  if (plan === 'resume' && !(await current.resume().catch((error: unknown) => (log(`resuming the last workspace: ${String(error)}`), false)))) {
    await current.close();
    plan = 'demo';
    current = createConsole({ dataDir, secrets, log, demo: true });
  }
  service = current;
  current.events.subscribe((event) => {
    if (event.type === 'session.changed') followSession(current);
    sendToWindow(event);
  });
  followSession(current);
  unbindIpc = bindConsoleIpc({ ipcMain, console: current, isTrusted: isFromConsoleWindow, log });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        appName: PRODUCT_NAME,
        development: !app.isPackaged,
        run(command) {
          const event = menuEvent(command);
          if (event === null) log(`menu: "${command}" is not a menu command of the console API contract; nothing was sent`);
          else sendToWindow(event);
        },
      }),
    ),
  );

  const stateFile = join(dataDir, 'window-state.json');
  const state = fitToScreens(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const opened = createConsoleWindow(BrowserWindow, {
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    state,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
  });
  consoleWindow = opened;
  if (state.maximized) opened.maximize();
  opened.on('close', () => {
    try {
      saveWindowState(stateFile, opened.getNormalBounds(), opened.isMaximized());
    } catch (error) {
      log(`the window's place was not saved: ${String(error)}`);
    }
  });
  opened.on('closed', () => {
    consoleWindow = null;
  });
  // Show once painted; while the demo's platform starts (a few seconds), wait a moment at most.
  let workspaceReady = plan === 'resume';
  let painted = false;
  const show = () => {
    if (painted && !opened.isDestroyed() && !opened.isVisible()) opened.show();
  };
  opened.once('ready-to-show', () => {
    painted = true;
    if (workspaceReady) show();
    else setTimeout(show, 2000);
  });
  void opened.loadURL(urls.entry);

  if (plan === 'demo') {
    demoStart = startDemo(current, secrets, dataDir)
      .catch((error: unknown) => log(`the demo workspace could not start: ${error instanceof Error ? error.message : String(error)}; the console opens signed out`))
      .finally(() => {
        workspaceReady = true;
        show();
      });
  }
}

/** Closes the workspace (its SQLite file, the sync engine) and stops the demo's platform. */
async function shutdown(): Promise<void> {
  quitting = true;
  demoStarting.abort();
  await demoStart;
  unbindIpc?.();
  await service?.close().catch((error: unknown) => log(`closing the workspace: ${String(error)}`));
  await demo?.stop().catch((error: unknown) => log(`stopping the demo platform: ${String(error)}`));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (consoleWindow === null) return;
    if (consoleWindow.isMinimized()) consoleWindow.restore();
    consoleWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    if (quitting) return;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
    void Promise.race([shutdown(), deadline]).finally(() => {
      shutDown = true;
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`the console could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      app.exit(1);
    });
}
