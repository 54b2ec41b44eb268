import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Module boundaries from DESIGN.md §2: imports only point down the layer list, every lib folder is
 * reached through its index.ts, lib/cluster stays pure, and client code sees only types and the
 * terminal wire protocol.
 */
const LIBS = ['cluster', 'shell', 'terminal', 'grading', 'content', 'db', 'auth', 'env'];
const deepImports = (except) =>
  LIBS.filter((l) => l !== except).map((l) => ({
    group: [`@/lib/${l}/*`, `../${l}/*`, `../../lib/${l}/*`],
    message: `Import lib/${l} through its index.ts.`,
  }));
const layer = (folder, forbidden, extra = []) => ({
  files: [`lib/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...deepImports(folder),
          ...forbidden.map((l) => ({
            group: [`@/lib/${l}`, `@/lib/${l}/*`, `../${l}`, `../${l}/*`],
            message: `lib/${folder} must not depend on lib/${l} (DESIGN.md §2: imports only point down).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});
const impure = ['next', 'next/*', 'react', 'react/*', 'react-dom', '@prisma/*', 'fs', 'node:fs', 'fs/*', 'node:fs/*'].map((p) => ({
  group: [p],
  message: 'lib/cluster is pure: no Next, React, Prisma or fs (DESIGN.md §2).',
}));

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  layer('cluster', ['shell', 'terminal', 'grading', 'content', 'db', 'auth', 'env'], impure),
  layer('shell', ['terminal', 'grading', 'content', 'db', 'auth', 'env']),
  layer('grading', ['shell', 'terminal', 'db', 'auth']),
  layer('content', ['cluster', 'shell', 'terminal', 'grading', 'db', 'auth']),
  layer('db', ['cluster', 'shell', 'terminal', 'grading', 'auth']),
  layer('auth', ['cluster', 'shell', 'terminal', 'grading', 'content']),
  layer('terminal', ['grading', 'content', 'db', 'auth']),
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LIBS.filter((l) => l !== 'terminal').map((l) => ({ group: [`@/lib/${l}/*`], message: `Import lib/${l} through its index.ts.` })),
            { group: ['@/lib/terminal/*', '!@/lib/terminal/protocol'], message: 'Client code may import only the terminal wire protocol.' },
            { group: ['@prisma/*', '@/lib/db/generated/*'], message: 'Pages never touch Prisma: use lib/db named queries.' },
          ],
        },
      ],
    },
  },
  // Playwright fixtures call their parameter `use`, which is not React's.
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
