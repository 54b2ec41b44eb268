import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'bin/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    // The object store deep-freezes what it stores (lib/cluster/store.ts): code that changes a stored
    // or peeked object in place throws in the tests instead of corrupting shared state.
    env: { KUBELAB_FREEZE_STORE: '1' },
  },
});
