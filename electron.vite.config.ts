import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // platform.js: the reference platform's own command line, run as the demo workspace's
      // utilityProcess (platform/ stays a separate program; main never imports it).
      lib: {
        entry: { index: resolve(__dirname, 'electron/main/index.ts'), platform: resolve(__dirname, 'platform/cli.ts') },
        formats: ['es'],
      },
    },
  },
  preload: {
    // A sandboxed window loads only a CommonJS preload (STACK.md, trap 2), and its require()
    // serves only `electron`: the contract and zod are bundled in, not left to node_modules.
    build: {
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
