// One lint gate for web/, server/, data/, test/: type-aware rules so floating promises fail the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The web talks to the server through the typed client only: it may import the isomorphic contract and shared code,
// and the AppType (a type, erased at build time), never services, DuckDB or Node modules.
const WEB_IMPORTS = [
  {
    group: ['**/server/app.ts'],
    allowTypeImports: true,
    message: 'only `import type { AppType }`: data comes through web/api.ts',
  },
  {
    regex: String.raw`(^|/)(server/(?!contract/|shared/|app\.ts$)|data/)|^node:|^@duckdb/`,
    message: 'the web may import only server/contract and server/shared (isomorphic code)',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: WEB_IMPORTS }],
    },
  },
  {
    // Server data is loaded one way: the hooks of web/queries, over react-query and the typed client (main.tsx only
    // provides the one QueryClient). Pages and components never fetch, cache or reach the client themselves.
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/queries/**', 'web/api.ts', 'web/main.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...WEB_IMPORTS,
            {
              group: ['**/api.ts', 'hono/client', '@tanstack/react-query'],
              message: 'server data comes through the hooks in web/queries',
            },
          ],
        },
      ],
    },
  },
  {
    // Isomorphic code runs in the browser too: nothing from the rest of the server, DuckDB or Node.
    files: ['server/contract/**/*.ts', 'server/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.\./(?!contract/|shared/)|^node:|^@duckdb/|^@hono/node-server`,
              message:
                'server/contract and server/shared are isomorphic: they import only each other, zod and pure libraries',
            },
          ],
        },
      ],
    },
  },
  {
    // The territory planner is isomorphic too, one folder deeper: the same rule with its paths one level up.
    files: ['server/shared/planner/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.\./\.\./(?!contract/|shared/)|^node:|^@duckdb/|^@hono/node-server`,
              message:
                'server/shared/planner is isomorphic: it imports only server/shared, server/contract and pure libraries',
            },
          ],
        },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
