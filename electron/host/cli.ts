// `npm run serve -- [--platform URL --platform-token TOKEN] [--data DIR] [--port P] [--undo-seconds N]`
// (CONSOLE-API.md, "The browser host"): the console in a browser, on loopback only. With no
// --platform it opens the demo workspace: a reference platform in a child process (the demo
// dataset, live marketplace, development mode), signed in as dev-admin.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createConsole } from '../services/console/console';
import { memorySecrets } from '../services/console/secrets';
import { workerRunner } from '../services/audit/worker-runner';
import { startDemoPlatform, type DemoPlatform } from '../services/demo/demo-platform';
import { defaultUserDataDir } from '../services/user-data';
import { startHost } from './server';

const HELP = `Usage: npm run serve -- [options]

  --platform URL          the platform to sign in to (default: the demo workspace)
  --platform-token TOKEN  its token (or the environment variable CONSOLE_PLATFORM_TOKEN,
                          which other users of this machine cannot read)
  --data DIR              where the workspaces live (default: ${defaultUserDataDir()})
  --port P                the port on 127.0.0.1 (default: a free port)
  --undo-seconds N        seconds to undo a decision before it leaves the machine (default 5)
  --help                  this text

It prints "Console: http://127.0.0.1:P/?token=T" when ready: open that link.`;

export interface ServeOptions {
  platform?: string;
  platformToken?: string;
  data: string;
  port: number;
  undoSeconds?: number;
}

export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServeOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      platform: { type: 'string' },
      'platform-token': { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'undo-seconds': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help === true) return 'help';
  if (values.host !== undefined && values.host !== '127.0.0.1' && values.host !== 'localhost') {
    throw new Error(`--host ${values.host}: the console listens on 127.0.0.1 only (its API holds your platform sign-in); use an SSH tunnel to reach it from elsewhere.`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port ${values.port}: expected a port number from 0 to 65535`);
  const undo = values['undo-seconds'] === undefined ? undefined : Number(values['undo-seconds']);
  if (undo !== undefined && (!Number.isInteger(undo) || undo < 0 || undo > 60)) throw new Error(`--undo-seconds ${values['undo-seconds']}: expected whole seconds from 0 to 60`);
  const token = values['platform-token'] ?? env['CONSOLE_PLATFORM_TOKEN'];
  if (values.platform !== undefined) {
    try {
      const url = new URL(values.platform);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    } catch {
      throw new Error(`--platform ${values.platform}: expected an http(s) address such as http://127.0.0.1:8787`);
    }
    if (token === undefined) throw new Error('--platform needs a token: --platform-token TOKEN, or the environment variable CONSOLE_PLATFORM_TOKEN');
  }
  return {
    ...(values.platform === undefined ? {} : { platform: values.platform }),
    ...(token === undefined ? {} : { platformToken: token }),
    data: values.data ?? defaultUserDataDir(env),
    port,
    ...(undo === undefined ? {} : { undoSeconds: undo }),
  };
}

const log = (line: string) => console.error(`[${new Date().toISOString()}] ${line}`);

async function main(): Promise<void> {
  let options: ServeOptions | 'help';
  try {
    options = parseServeArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error('Try --help.');
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(HELP);
    return;
  }
  const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(rendererDir)) log('the renderer is not built yet (out/renderer): run `npm run build`; the API works meanwhile');

  let demo: DemoPlatform | null = null;
  const consoleService = createConsole({
    dataDir: options.data,
    secrets: memorySecrets(),
    log,
    demo: options.platform === undefined,
    auditRunner: workerRunner(),
    ...(options.undoSeconds === undefined ? {} : { settingsOverrides: { undoSeconds: options.undoSeconds } }),
  });
  let stopping = false;
  const running: { host?: Awaited<ReturnType<typeof startHost>> } = {};
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: closing`);
    await running.host?.close().catch(() => undefined);
    await consoleService.close().catch((error: unknown) => log(`closing the workspace: ${String(error)}`));
    await demo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (options.platform === undefined) {
    log('starting the demo workspace: a reference platform with a generated marketplace…');
    demo = await startDemoPlatform({ log });
    await consoleService.signIn(demo.url, demo.token);
  } else if (options.platformToken !== undefined) {
    try {
      await consoleService.signIn(options.platform, options.platformToken, { offline: 'resume' });
    } catch (error) {
      log(`sign-in to ${options.platform} failed (${error instanceof Error ? error.message : String(error)}); the console opens signed out`);
    }
  }
  const host = await startHost({ console: consoleService, rendererDir, port: options.port, log });
  running.host = host;
  console.log(`Console: ${host.url}/?token=${host.token}`);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
