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
  build: { target: 'es2022' },
});
