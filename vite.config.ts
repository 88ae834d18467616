import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';
import remixConfig from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [remix(remixConfig), tsconfigPaths()],
  ssr: {
    // Native / wasm packages stay external so Node loads them as they are.
    external: ['@node-rs/argon2', '@electric-sql/pglite', 'postgres'],
  },
  // The dev-server dependency scan follows server imports too; these server-only packages
  // must not be pre-bundled for the browser.
  // Browser dependencies listed up front so the first dev page load does not re-optimise midway.
  optimizeDeps: {
    exclude: ['@node-rs/argon2', '@electric-sql/pglite', 'postgres'],
    include: [
      'i18next',
      'i18next-resources-to-backend',
      'react-i18next',
      'remix-i18next/react',
      '@conform-to/react',
      '@conform-to/zod',
      'zod',
      '@dnd-kit/core',
      '@dnd-kit/sortable',
      '@dnd-kit/utilities',
      'big.js',
    ],
  },
  build: { target: 'es2022' },
});
