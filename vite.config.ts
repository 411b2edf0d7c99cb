import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { minifySync, runnerImport } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { EARLY_NAMES, earlyScriptSource } from './renderer/kiosk/earlyTap';
import { FIRST_PAINT_TEXTS, FIRST_PAINT_TEXTS_MODULE, pickTexts } from './renderer/kiosk/firstPaintTexts';
import { pagePolicyOf } from './src/node/contentSecurityPolicy';

const root = import.meta.dirname;

const aliases = [
  // React 19 has the hook: the shim's fallback for older Reacts would only add to the charts' chunk
  // (recharts imports use-sync-external-store/shim/with-selector, which imports the shim: ≈ 0.6 KB).
  {
    find: /^use-sync-external-store\/shim$/,
    replacement: path.join(root, 'renderer', 'useSyncExternalStoreShim.ts'),
  },
  // The few lines of react-i18next the screens use (renderer/i18nReact.ts): ≈ 2 KB less in the kiosk's first script.
  { find: /^react-i18next$/, replacement: path.join(root, 'renderer', 'i18nReact.ts') },
];

/**
 * The same CSP as a meta tag, for Electron's file:// page, which may get no
 * response headers. frame-ancestors is ignored in a meta tag, so it is left out.
 * Its inline script and style are allowed by their hashes; the HTTP host and Electron
 * make the header they send with the page from the page itself, the same way
 * (pagePolicyOf in src/node/contentSecurityPolicy.ts).
 */
const cspMeta = (): Plugin => ({
  name: 'sipas-csp-meta',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    // Right after <meta charset>: a meta CSP governs only what comes after it.
    handler: (html) => {
      const policy = pagePolicyOf(html)
        .split('; ')
        .filter((d) => !d.startsWith('frame-ancestors'))
        .join('; ');
      return html.replace(
        /(<meta charset="[^"]*"\s*\/?>)/i,
        `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  },
});

/**
 * A .gz beside every page, script and style, which the HTTP host sends as it is
 * (src/server/httpApp.ts): compressed once at build time, never per request.
 */
const gzipBeside = (): Plugin => ({
  name: 'sipas-gzip-beside',
  apply: 'build',
  writeBundle(options, bundle) {
    for (const file of Object.keys(bundle).filter((name) => /\.(html|js|css|svg|json)$/.test(name))) {
      const written = path.join(options.dir ?? '', file);
      fs.writeFileSync(`${written}.gz`, gzipSync(fs.readFileSync(written), { level: 9 }));
    }
  },
});

/**
 * `virtual:first-paint-texts`: the Vietnamese texts the kiosk's first paint shows,
 * cut from vi.json when built (renderer/kiosk/firstPaintTexts.ts), so the first
 * script carries them and not the rest; vi.json stays the one copy of every string.
 */
const firstPaintTexts = (): Plugin => {
  const resolved = `\0${FIRST_PAINT_TEXTS_MODULE}`;
  const file = path.join(root, 'assets', 'locales', 'vi.json');
  return {
    name: 'sipas-first-paint-texts',
    resolveId: (id) => (id === FIRST_PAINT_TEXTS_MODULE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return;
      this.addWatchFile(file);
      const texts = pickTexts(JSON.parse(fs.readFileSync(file, 'utf8')), FIRST_PAINT_TEXTS);
      return `export default ${JSON.stringify(texts)};`;
    },
  };
};

/**
 * The kiosk's attract screen inside index.html's #root, so the browser paints it from
 * the page itself, before the app's JavaScript has arrived and run. Drawn at build
 * time from the real component (renderer/kiosk/prerenderAttract.tsx), the same markup
 * React replaces it with. Nothing the first paint needs is fetched: the page's
 * stylesheet is inline in <head>, and with it a tiny script (earlyTap.ts) that hides
 * the screen on the other routes, keeps an early tap, and starts the app's module
 * after the first frame. Both are allowed by their hashes in the CSP (cspMeta below),
 * never by 'unsafe-inline'.
 */
const prerenderAttract = (): Plugin => {
  const NO_CSS = '\0sipas-no-css';
  // Minified: it is parsed before the first paint.
  const early = minifySync('early.js', earlyScriptSource()).code.trim();
  let inlined: { cssFile: string; app: string } | undefined;
  return {
    name: 'sipas-prerender-attract',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (!inlined) throw new Error('index.html was not written before the chunks');
        // A lazy chunk that imports from the entry lists the entry's files among those it preloads: the
        // stylesheet, loaded again, would come after the lazy chunks' own ones and undo their rules. Named
        // as the entry's script instead, which the same list holds, it is skipped as already loaded.
        const cssName = JSON.stringify(`./${path.posix.basename(inlined.cssFile)}`);
        const appName = JSON.stringify(`./${path.posix.basename(inlined.app)}`);
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.code.includes(cssName)) continue;
          if (!chunk.code.includes(appName))
            throw new Error(`${chunk.fileName} preloads ${cssName} without ${appName}`);
          chunk.code = chunk.code.replaceAll(cssName, appName);
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        const { module } = await runnerImport<{ prerenderAttract: () => string }>(
          path.join(root, 'renderer', 'kiosk', 'prerenderAttract.tsx'),
          {
            configFile: false,
            root,
            logLevel: 'warn',
            resolve: { alias: aliases },
            // Styles come with the page's own stylesheet: here an import of one is an empty module.
            plugins: [
              firstPaintTexts(),
              {
                name: 'sipas-no-css',
                enforce: 'pre',
                resolveId: (id) => (id.endsWith('.css') ? NO_CSS : undefined),
                load: (id) => (id === NO_CSS ? '' : undefined),
              },
            ],
            oxc: { jsx: { runtime: 'automatic' } },
          },
        );
        // The app's module is not even preloaded: the <head> script starts it after the first frame. On two
        // cores, a preload's parse in the background (≈ 230 ms) and decoding held back the page's own first paint.
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
        const app = entry.exec(html)?.[1];
        if (!app) throw new Error('index.html has no module script to start after the first paint');
        const stylesheet = /<link rel="stylesheet" crossorigin href="\.\/([^"]+\.css)">/;
        const cssFile = stylesheet.exec(html)?.[1];
        const css = cssFile ? bundle?.[cssFile] : undefined;
        if (!cssFile || css?.type !== 'asset') throw new Error('index.html has no stylesheet to carry inline');
        // Written once, inline: the file is not emitted. Its url()s were relative to it, now to the page.
        delete bundle?.[cssFile];
        inlined = { cssFile, app };
        const folder = path.posix.dirname(cssFile);
        const style = String(css.source).replace(/url\((['"]?)\.\/([^'")]+)\1\)/g, `url($1./${folder}/$2$1)`);
        if (/<\/style/i.test(style)) throw new Error(`${cssFile} cannot be carried inside a <style> element`);
        const unmoved = /url\((?!['"]?(?:\.\/assets\/|data:|#))[^)]*\)/.exec(
          style.replaceAll(`./${folder}/`, './assets/'),
        );
        if (unmoved) throw new Error(`${cssFile}: ${unmoved[0]} would point elsewhere once inline`);
        return (
          html
            .replace('<div id="root"></div>', `<div id="root">${module.prerenderAttract()}</div>`)
            .replace(entry, '')
            // In <head>, after the styles: the route is marked before the first paint.
            .replace(
              stylesheet,
              () => `<style>${style}</style>\n    <script ${EARLY_NAMES.app}="${app}">${early}</script>`,
            )
        );
      },
    },
  };
};

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react(), firstPaintTexts(), prerenderAttract(), cspMeta(), gzipBeside()],
  resolve: { alias: aliases },
  build: {
    outDir: path.join(root, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    reportCompressedSize: false,
    // Every target browser preloads modules itself (chrome120): the first script needs no polyfill for it.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the page loads before its first paint in one script: one compressed stream
        // instead of four small ones (each restarting gzip's dictionary). Lazy chunks import from it.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  server: { host: '127.0.0.1' },
  test: {
    root,
    reporters: ['default', './tests/support/summaryReporter.ts'],
    // A limit for hangs, not a speed target (those live in `npm run bench`): real SQLite files,
    // child processes and jsdom charts take seconds on a busy 2-core machine.
    testTimeout: 30_000,
    // Vitest's default is one worker less than the cores: one worker on these 2-core machines, which
    // left a core idle while the browser tests ran one after another. Two workers; the e2e and
    // stress projects still run their own files one at a time.
    maxWorkers: 2,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'integration', root, include: ['tests/integration/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'electron', root, include: ['tests/electron/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          root,
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'stress',
          root,
          include: ['tests/stress/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
