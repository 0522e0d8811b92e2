// `npm start`: build, then open the console in Electron. Electron fetches its binary on first
// launch; where that cannot happen (no network, a headless box) say so plainly instead of
// failing deep inside a download.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

function electronBinaryPresent() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
  } catch {
    return false;
  }
}

const build = run('npx', ['electron-vite', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

// Electron 45 downloads its binary on first use, but electron-vite only looks for it: fetch it
// here with Electron's own installer (once; later starts find it in node_modules/electron/dist).
if (!electronBinaryPresent()) {
  console.log('Fetching the Electron binary (first start only)…');
  run(process.execPath, [require.resolve('electron/install.js')]);
}
if (!electronBinaryPresent()) {
  console.error(
    '\nThe Electron binary is not installed and could not be downloaded on this machine.\n' +
      'Everything else works without it: `npm test`, `npm run bench`, `npm run platform`.\n' +
      'See README.md, "Machines without Electron".',
  );
  process.exit(1);
}

const preview = run('npx', ['electron-vite', 'preview', '--skipBuild']);
process.exit(preview.status ?? 1);
