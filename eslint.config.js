import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The globals Node gives a script (the `globals` package would bring hundreds; these are the
// ones Node 20 defines that the scripts may use).
const NODE_GLOBALS = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Blob',
    'Buffer',
    'TextDecoder',
    'TextEncoder',
    'URL',
    'URLSearchParams',
    'WebSocket',
    'clearImmediate',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'global',
    'globalThis',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
)

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node scripts (bench/, scripts/, build and size scripts): plain ES modules run by Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: NODE_GLOBALS },
    rules: {
      // A script's best-effort cleanup (`try { kill } catch {}`) has nothing to handle.
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
    },
  },
  {
    // The bodies of `page.evaluate` run in the browser.
    files: ['client/bench/**/*.mjs'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', requestAnimationFrame: 'readonly' },
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // packages/ is pure: no React, no ws, no node: modules.
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'react', 'react-dom', 'ws'], message: 'packages/ is pure' },
          ],
        },
      ],
    },
  },
  {
    // The wire contract is pure and stands alone: zod only, no document model, no Yjs.
    files: ['packages/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'react', 'react-dom', 'ws'], message: 'packages/ is pure' },
            {
              group: ['yjs', 'y-*', '@meridian/*'],
              message: 'packages/protocol depends on zod only',
            },
          ],
        },
      ],
    },
  },
)
