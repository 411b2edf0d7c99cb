/**
 * Builds the Electron shell: dist-electron/main.cjs and dist-electron/preload.cjs.
 * Two separate builds (two environments), so the preload never shares a chunk
 * with main: a sandboxed preload must be one file that requires only 'electron'.
 * Everything else is bundled; only Electron itself, better-sqlite3 (its native
 * part is loaded from native/electron/, see electron/nativeModule.ts) and
 * Node's built-ins stay external.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { defineConfig, type EnvironmentOptions } from 'vite';

const root = import.meta.dirname;
const outDir = path.join(root, 'dist-electron');
const external = ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const bundle = (name: 'main' | 'preload', emptyOutDir: boolean): EnvironmentOptions => ({
  consumer: 'server',
  resolve: { noExternal: true, external },
  build: {
    outDir,
    emptyOutDir,
    // Electron 45 runs Node 22; the tests load these same bundles under Node 20, so node20 is the floor.
    target: 'node20',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    copyPublicDir: false,
    rollupOptions: {
      input: { [name]: path.join(root, 'electron', `${name}.ts`) },
      external,
      output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
    },
  },
});

export default defineConfig({
  root,
  publicDir: false,
  environments: {
    main: bundle('main', true),
    preload: bundle('preload', false),
  },
  builder: {
    // main first: it empties dist-electron, the preload build then adds to it.
    async buildApp(builder) {
      for (const name of ['main', 'preload']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`no ${name} environment`);
        await builder.build(environment);
      }
    },
  },
});
