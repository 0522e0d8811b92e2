// `node --import ./register.mjs out/main/index.js`: the built main process, with `electron`
// resolved to the stand-in beside this file (test/electron/main-process.test.ts).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
