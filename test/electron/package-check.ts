// `npm run check:package` (part of `npm test`, after the build): packages the app for Linux as a
// folder, offline, and checks what came out. electron-builder cannot fetch Electron here, so it
// gets a stand-in executable through -c.electronDist (STACK.md, trap 10): a small shell script
// that carries Electron's fuse wire, so electron-builder really flips the fuses and this reads
// them back. Then: the asar holds the main process, the demo's platform entry, the preload and
// the renderer; no renderer-only or build-time package rode along; sqlite3's native module
// lies unpacked beside the asar; every package the built main process imports is inside.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import scorerWeights from '../../core/manipulation/message-scorer-weights.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface AsarModule {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, filename: string): Buffer;
  statFile(archive: string, filename: string, followLinks?: boolean): { unpacked?: boolean; size?: number };
}
interface FusesModule {
  getCurrentFuseWire(pathToElectron: string): Promise<Record<string, number | string>>;
  FuseV1Options: Record<string, number | string>;
}
interface ConfigModule {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
}
const asar: AsarModule = require('@electron/asar');
const fuses: FusesModule = require('@electron/fuses');
const { validateConfiguration }: ConfigModule = require('app-builder-lib/out/util/config/config');
const { DebugLogger }: { DebugLogger: new (enabled: boolean) => unknown } = require('builder-util/out/DebugLogger');
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { load }: { load(text: string): unknown } = fromBuilder('js-yaml');

/** @electron/fuses' sentinel, then wire version 1 and 8 fuses in Electron's shipped state. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
const SHIPPED_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];

const packageSchema = z.object({
  main: z.string(),
  productName: z.string().optional(),
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});
const builderSchema = z.object({
  productName: z.string(),
  linux: z.object({ executableName: z.string() }),
  electronFuses: z.record(z.string(), z.boolean()),
});

/** electron-builder's option name → @electron/fuses' fuse name. */
const FUSE_NAMES: Record<string, string> = {
  runAsNode: 'RunAsNode',
  enableCookieEncryption: 'EnableCookieEncryption',
  enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
  enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
  enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
  onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
  loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
  grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
};

const problems: string[] = [];
const expect = (ok: boolean, what: string) => {
  if (!ok) problems.push(what);
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "a stand-in for the Electron binary, made by test/electron/package-check.ts" >&2\nexit 1\n# ');
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, Buffer.from(FUSE_SENTINEL), Buffer.from([1, SHIPPED_WIRE.length, ...SHIPPED_WIRE]), Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.4.1');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1' } });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

/** Bare package names the built main process imports (`from "x"`, `import("x")`), builtins aside. */
function importedPackages(code: string): Set<string> {
  const names = new Set<string>();
  // A specifier has no spaces or commas: a bundled data string such as the message scorer's
  // feature "w:from" followed by its weights is not an import.
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./\s,][^"'\s,]*)["']/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return names;
}

async function main(): Promise<void> {
  const started = performance.now();
  for (const built of ['out/main/index.js', 'out/main/platform.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(ROOT, built))) {
      console.error(`Packaging check: ${built} is missing; run \`npm run build\` first (npm test does).`);
      process.exit(1);
    }
  }
  const pkg = packageSchema.parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
  const rawConfig = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
  const config = builderSchema.parse(rawConfig);

  // 1. The configuration against electron-builder's own schema (offline, before any download).
  let step = performance.now();
  await validateConfiguration(rawConfig, new DebugLogger(false));
  console.log(`Packaging check: electron-builder.yml is valid (${seconds(step)})`);
  expect(pkg.productName === config.productName, `package.json productName (${pkg.productName}) must be electron-builder's (${config.productName}): Electron names userData after it`);

  const work = mkdtempSync(join(tmpdir(), 'package-check-'));
  try {
    // 2. Package --dir for Linux with the stand-in Electron.
    standInElectron(join(work, 'electron'));
    step = performance.now();
    const builder = require.resolve('electron-builder/cli.js');
    const packed = await run(process.execPath, [builder, '--dir', '--linux', '--x64', '--publish', 'never', `-c.electronDist=${join(work, 'electron')}`, `-c.directories.output=${join(work, 'dist')}`]);
    if (packed.code !== 0) {
      console.error(packed.output.slice(-4000));
      throw new Error(`electron-builder exited with ${packed.code}`);
    }
    console.log(`Packaging check: electron-builder --dir --linux (stand-in Electron) in ${seconds(step)}`);

    const appDir = join(work, 'dist', 'linux-unpacked');
    const archive = join(appDir, 'resources', 'app.asar');
    const executable = join(appDir, config.linux.executableName);
    expect(existsSync(executable), `the executable ${config.linux.executableName} is missing`);
    expect(existsSync(archive), 'resources/app.asar is missing');

    // 3. What the asar holds.
    const files = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
    for (const needed of ['/package.json', '/out/main/index.js', '/out/main/platform.js', '/out/preload/index.cjs', '/out/renderer/index.html']) expect(files.has(needed), `the asar lacks ${needed}`);
    const packagedJson = packageSchema.partial().parse(JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')));
    expect(packagedJson.main === 'out/main/index.js', `the packaged package.json's main is ${packagedJson.main}`);
    const modules = new Set<string>();
    for (const file of files) {
      const name = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file)?.[1];
      if (name !== undefined) modules.add(name);
    }
    const riders = Object.keys(pkg.devDependencies).filter((name) => modules.has(name));
    expect(riders.length === 0, `development-only packages inside the asar: ${riders.join(', ')} (keep renderer libraries out of dependencies: STACK.md, trap 10)`);
    for (const name of Object.keys(pkg.dependencies)) expect(modules.has(name), `the runtime dependency ${name} is not in the asar`);
    const mainImports = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'out/main')).filter((f) => f.endsWith('.js'))) for (const name of importedPackages(readFileSync(join(ROOT, 'out/main', file), 'utf8'))) mainImports.add(name);
    for (const name of mainImports) if (name !== 'electron') expect(modules.has(name), `out/main imports ${name}, which is not in the asar`);
    const preloadImports = importedPackages(readFileSync(join(ROOT, 'out/preload/index.cjs'), 'utf8'));
    expect([...preloadImports].every((name) => name === 'electron'), `the preload requires ${[...preloadImports].join(', ')}: a sandboxed preload gets only electron`);
    // The message scorer's weights (half a megabyte) serve detection, in the main process only: a
    // window's preload and renderer take the contract's names and schemas, and tree-shaking leaves
    // the scorer out as long as the rule core's module-level code stays pure.
    const weightsMarker = String(scorerWeights.trainedOn['fit']);
    const renderers = readdirSync(join(ROOT, 'out/renderer/assets')).filter((f) => f.endsWith('.js')).map((f) => join('out/renderer/assets', f));
    for (const bundle of ['out/preload/index.cjs', ...renderers]) expect(!readFileSync(join(ROOT, bundle), 'utf8').includes(weightsMarker), `${bundle} carries the message scorer's weights`);

    // 4. sqlite3's native module, unpacked beside the asar.
    const nativeInside = [...files].filter((f) => f.endsWith('.node'));
    expect(nativeInside.some((f) => f.startsWith('/node_modules/sqlite3/')), 'the asar index has no sqlite3 .node entry');
    for (const entry of nativeInside) {
      expect(asar.statFile(archive, entry.slice(1)).unpacked === true, `${entry} is packed inside the asar; a native module must be unpacked`);
      expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', entry)), `${entry} is missing from app.asar.unpacked`);
    }
    const unpackedBytes = nativeInside.reduce((sum, entry) => sum + statSync(join(appDir, 'resources', 'app.asar.unpacked', entry)).size, 0);

    // 5. The fuses, read back from the packaged executable.
    const wire = await fuses.getCurrentFuseWire(executable);
    for (const [option, wanted] of Object.entries(config.electronFuses)) {
      const name = FUSE_NAMES[option];
      const index = name === undefined ? undefined : fuses.FuseV1Options[name];
      if (typeof index !== 'number') {
        expect(false, `electronFuses.${option}: unknown to this check`);
        continue;
      }
      expect(wire[index] === (wanted ? ON : OFF), `fuse ${option} is ${wire[index] === ON ? 'on' : 'off'} in the packaged executable, not ${wanted ? 'on' : 'off'}`);
    }

    const asarMb = (statSync(archive).size / 1024 / 1024).toFixed(1);
    console.log(
      `Packaging check: app.asar ${asarMb} MB, ${files.size} entries, ${modules.size} packages; ${nativeInside.length} native module(s) unpacked (${(unpackedBytes / 1024 / 1024).toFixed(1)} MB); fuses ${Object.keys(config.electronFuses).length} as configured`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const problem of problems) console.error(`  PROBLEM: ${problem}`);
  console.log(`Packaging check: ${problems.length === 0 ? 'passed' : 'FAILED'} in ${seconds(started)}`);
  if (problems.length > 0) process.exitCode = 1;
}

await main();
