import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import tsconfigPaths from 'vite-tsconfig-paths';
import remixConfig from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * `redoc/bundles/redoc.standalone.js?url` (the /api/docs page) in the production build: the file as
 * one fingerprinted asset, except that its attribution logo, which it would fetch from Redocly's CDN,
 * becomes an inline image, since the pages' Content-Security-Policy allows no other origin. The dev
 * server (no CSP there) serves the file as it is.
 */
function redocStandalone(): Plugin {
  const request = 'redoc/bundles/redoc.standalone.js?url';
  const id = '\0redoc-standalone-url';
  return {
    name: 'parcours:redoc-standalone',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === request ? id : null),
    load(loaded, options) {
      if (loaded !== id) return null;
      // The server renders the page without the script: only the browser needs the address.
      if (options?.ssr) return 'export default "";';
      const file = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
      const logo = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
      const source = readFileSync(file, 'utf8');
      if (!source.includes(logo)) throw new Error(`redoc.standalone.js no longer names ${logo}: check what it fetches`);
      const ref = this.emitFile({
        type: 'asset',
        name: 'redoc.standalone.js',
        source: source.replaceAll(logo, 'data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E'),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

type ModuleInfo = { importedIds: readonly string[]; isEntry: boolean } | null;
type ManualChunks = (id: string, meta: { getModuleInfo: (id: string) => ModuleInfo; getModuleIds: () => IterableIterator<string> }) => string | undefined;

/**
 * The browser build's chunking: the app's own modules that every page loads (what the client
 * entry, the root route and the workspace layout import statically, with the libraries only they
 * use) go in one "shell" chunk instead of a dozen small files, one request each (31 scripts on the
 * 300-project summary before, 21 after; the map editor's first load 149.6 -> 146.5 KB gzip, fewer
 * module wrappers). Route code and what only some routes share keep Rollup's default chunks.
 */
function shellChunk(): ManualChunks {
  let shell: Set<string> | undefined;
  const own = (id: string) => !id.includes('node_modules') && (!id.startsWith('\0') || id.includes('preload-helper'));
  return (id, { getModuleInfo, getModuleIds }) => {
    if (!own(id)) return undefined;
    if (!shell) {
      const found = new Set<string>();
      const walk = (from: string) => {
        for (const dep of getModuleInfo(from)?.importedIds ?? []) {
          if (found.has(dep) || !own(dep) || getModuleInfo(dep)?.isEntry) continue;
          found.add(dep);
          walk(dep);
        }
      };
      [...getModuleIds()].filter((m) => /app\/(root|entry\.client)\.tsx$|app\/routes\/w\.\$slug\.tsx$/.test(m)).forEach(walk);
      shell = found;
    }
    if (shell.has(id)) return 'shell';
    return GROUPS.find(([, test]) => test.test(id))?.[0];
  };
}

/**
 * Small modules that several pages load together, one chunk each instead of a request per module
 * (a slow phone pays a round trip per request). Profiled on the 300-project summary: 19 scripts
 * before the page could hydrate, most of them under 1 KB gzip. Only what the pages that load a group
 * mostly need: the map editor's first load stays under its budget.
 */
const GROUPS: [name: string, test: RegExp][] = [
  // What most workspace pages use: page titles, number and money formatting with exact decimals,
  // form errors and action answers, the hydration flag, wide tables, and the styles' URLs.
  [
    'shared',
    /app\/(lib\/(page-title|workspace|format|use-hydrated|action-result)\.ts|domain\/(roles|decimal)\.ts|components\/ui\/(table-scroll|field-errors)\.tsx|locales\/\w+\/titles\.json|styles\/[\w-]+\.css\?url)$/,
  ],
  // The business case's figures, as the summary, a project and a shared summary show them.
  [
    'figures',
    /app\/(components\/summary\/[\w-]+|components\/projects\/(figures|top-projects|realised-chart|use-chart)|domain\/business-case\/portfolio)\.tsx?$/,
  ],
];

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  plugins: [
    redocStandalone(),
    remix(remixConfig),
    tsconfigPaths(),
    // The browser's files also as Brotli (best quality) and gzip (level 9), made once at build time:
    // the server sends the .br or .gz beside a file when the browser accepts it (server/app.ts),
    // instead of gzipping on every request. Brotli takes the summary's scripts from 127 to ~105 KB.
    isSsrBuild ? null : compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|svg|json|txt|html)$/, threshold: 1024 }),
  ],
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
  build: {
    target: 'es2022',
    rollupOptions: {
      output: {
        manualChunks: isSsrBuild ? undefined : shellChunk(),
      },
    },
  },
}));
