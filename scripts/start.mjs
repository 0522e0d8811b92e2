// `npm start`: build, then open the console in Electron. Electron fetches its binary on first
// launch; where that cannot happen (no network, a headless box) say so in one plain paragraph
// instead of the downloader's stack trace.
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

/** The downloader's own words, without its stack: the first line that is not a stack frame. */
function firstWords(output) {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '));
  return line ? line.replace(/^(?:[A-Z]\w*)?Error: /, '').slice(0, 200) : null;
}

function hasScript(name) {
  try {
    return Boolean(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).scripts?.[name]);
  } catch {
    return false;
  }
}

/** One paragraph, wrapped for a terminal. */
function wrap(text, width = 96) {
  const lines = [''];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] !== '' && lines[last].length + 1 + word.length > width) lines.push(word);
    else lines[last] = lines[last] === '' ? word : `${lines[last]} ${word}`;
  }
  return lines.join('\n');
}

const build = run('npx', ['electron-vite', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

// Electron 45 downloads its binary on first use, but electron-vite only looks for it: fetch it
// here with Electron's own installer (once; later starts find it in node_modules/electron/dist).
// Its stderr is kept, not shown: on failure it is a raw stack from inside the downloader.
let said = null;
if (!electronBinaryPresent()) {
  console.log('Fetching the Electron binary (first start only)…');
  const fetched = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  said = firstWords(fetched.stderr ?? '') ?? (fetched.error ? String(fetched.error.message) : null);
}
if (!electronBinaryPresent()) {
  const browser = hasScript('serve')
    ? 'To use the console without it, run `npm run serve` and open the address it prints in a browser.'
    : 'The browser host (`npm run serve`, the same console in a browser) arrives with the console issues.';
  const paragraph =
    'The console window could not open: it needs the Electron binary, which Electron downloads on ' +
    `first start, and that download failed on this machine${said ? ` (“${said}”)` : ''}. ` +
    'Everything else works without it: `npm test`, `npm run build`, `npm run bench` and `npm run platform`. ' +
    `${browser} To retry, run \`npm start\` again once github.com is reachable, or set ELECTRON_MIRROR ` +
    'to a mirror of Electron’s releases; `node node_modules/electron/install.js` shows the downloader’s ' +
    'full output. See README.md, "Machines without Electron".';
  console.error(`\n${wrap(paragraph)}`);
  process.exit(1);
}

const preview = run('npx', ['electron-vite', 'preview', '--skipBuild']);
process.exit(preview.status ?? 1);
