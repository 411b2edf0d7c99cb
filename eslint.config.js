// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'zlib',
];

/** Layering of docs/ARCHITECTURE.md (Layers and walls): who may import what. */
const pure = {
  patterns: [
    { group: nodeBuiltins, message: 'domain, contract and services are pure: pass Node features in as ports.' },
    {
      group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'hono', '@hono/*'],
      message: 'domain, contract and services import no Electron, SQLite, UI or HTTP.',
    },
    {
      group: ['**/src/app/**', '**/app/**', '**/server/**', '**/db/**', '**/electron/**', '**/renderer/**'],
      message: 'an inner layer cannot import an outer one.',
    },
  ],
};

/**
 * An import of a folder's files, as ESLint's `group` patterns. They match the import string,
 * not the resolved file, so `../app/x` is caught by the folder's own name.
 */
const folder = (name) => {
  const last = name.split('/').pop();
  return [`**/${last}/**`, ...(name === 'electron' ? ['electron'] : [])];
};

/** Outer folders: which of their neighbours each may not reach (docs/ARCHITECTURE.md). */
const outer = (message, ...folders) => ['error', { patterns: [{ group: folders.flatMap(folder), message }] }];

/** Hand-written rule: text in JSX must go through i18next's t(). */
const i18nPlugin = {
  rules: {
    'no-jsx-text': {
      meta: {
        type: 'problem',
        schema: [],
        messages: { literal: 'User-facing text "{{text}}" must go through t() (i18next).' },
      },
      create(context) {
        return {
          JSXText(node) {
            const text = node.value.trim();
            if (/\p{L}/u.test(text)) context.report({ node, messageId: 'literal', data: { text: text.slice(0, 30) } });
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'tests/tmp/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='console'][property.name=/^(log|debug)$/]",
          message: 'use the scoped logger',
        },
      ],
    },
  },
  {
    files: ['src/domain/**', 'src/contract/**', 'src/services/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', pure],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    // Node adapters shared by kiosk, CLI and hub: they know no host and no composition.
    files: ['src/node/**'],
    rules: {
      'no-restricted-imports': outer(
        'src/node holds adapters; it imports no composition or host.',
        'src/app',
        'src/server',
        'src/cli',
        'src/hub',
        'electron',
        'renderer',
      ),
    },
  },
  {
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': outer(
        'src/app composes; the hosts (server, CLI, Electron) import it, not the reverse.',
        'src/server',
        'src/cli',
        'src/hub',
        'electron',
        'renderer',
      ),
    },
  },
  {
    // The hub is another product: it shares adapters, never the kiosk's app or store.
    files: ['src/hub/**'],
    rules: {
      'no-restricted-imports': outer(
        'the hub imports src/node adapters, never the kiosk’s app, store or hosts.',
        'src/app',
        'db',
        'src/server',
        'src/cli',
        'electron',
        'renderer',
      ),
    },
  },
  {
    // Hosts reach the database only through composeApp and the dispatcher.
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': outer(
        'the CLI is a host: it calls operations through composeApp’s dispatcher, not the stores.',
        'db',
        'src/server',
        'src/hub',
        'electron',
        'renderer',
      ),
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': outer(
        'the HTTP host reaches the database only through composeApp’s dispatcher.',
        'db',
        'src/cli',
        'src/hub',
        'electron',
        'renderer',
      ),
    },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': outer(
        'the Electron shell reaches the database only through composeApp’s dispatcher.',
        'db',
        'src/cli',
        'src/hub',
        'renderer',
      ),
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/app/**', '**/server/**', '**/electron/**', '**/renderer/**', 'electron'],
              message: 'db implements the services’ ports; it knows no host.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, sipas: i18nPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'sipas/no-jsx-text': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'the renderer runs in a browser context: no Node.' },
            {
              group: ['electron', 'better-sqlite3', 'hono', '@hono/*'],
              message: 'the renderer talks to hosts only through the API client.',
            },
            {
              group: ['**/src/services/**', '**/src/app/**', '**/src/server/**', '**/db/**', '**/electron/**'],
              message: 'the renderer imports only contract types and the domain.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
