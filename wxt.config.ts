import { basename, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { thirdPartyLicenses } from './build-plugins/thirdPartyLicenses';

const LOCAL_HOSTS = ['*://127.0.0.1/*', '*://localhost/*'];

/** zod's imports of its JSON Schema generator resolve to a stand-in (utils/mcp/noZodJsonSchema.ts says why). */
function zodWithoutJsonSchema(): Plugin {
  const standIn = resolve(import.meta.dirname, 'utils/mcp/noZodJsonSchema.ts');
  return {
    name: 'zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromZod = importer?.replaceAll('\\', '/').includes('/node_modules/zod/v4/');
      return fromZod && /^(\.\.\/core|\.)\/(to-json-schema|json-schema-processors)\.js$/.test(source) ? standIn : null;
    },
  };
}

/**
 * zod compiles a fast parser for object schemas with `new Function` when the page allows it. Extension pages never do
 * (the CSP has no 'unsafe-eval', in Chrome and Firefox alike), so zod always takes its interpreted path there: saying so
 * at build time drops the code generator (about 1 KB gzip) and the eval probe the CSP would report.
 */
function zodWithoutJit(): Plugin {
  const probe = 'const fastEnabled = jit && allowsEval.value;';
  return {
    name: 'zod-without-jit',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]schemas\.js$/.test(id)) return null;
      if (!code.includes(probe)) {
        this.warn('zod no longer has the line zod-without-jit replaces: its code generator stays in the build.');
        return null;
      }
      // Same length, so the source map stays exact.
      return { code: code.replace(probe, 'const fastEnabled = false;'.padEnd(probe.length)), map: null };
    },
  };
}

/**
 * The SDK's types.js builds every MCP message schema when it loads, the server's too, and Rollup cannot tell that these
 * zod calls have no side effects, so it keeps them all. Each top-level initializer is wrapped in a pure-annotated
 * function call: the schemas the client uses are built as before, and the ones nothing references are left out.
 */
function sdkSchemasTreeShakable(): Plugin {
  return {
    name: 'sdk-schemas-tree-shakable',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]@modelcontextprotocol[\\/]sdk[\\/]dist[\\/]esm[\\/]types\.js$/.test(id)) return null;
      const initializers: { start: number; end: number }[] = [];
      for (const statement of this.parse(code).body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const { init } of declaration.declarations) {
          const node = init as unknown as { type: string; start: number; end: number } | null;
          if (node?.type === 'CallExpression' || node?.type === 'NewExpression') initializers.push(node);
        }
      }
      let out = code;
      for (const { start, end } of initializers.sort((a, b) => b.start - a.start)) {
        out = `${out.slice(0, start)}/*#__PURE__*/ (() => ${out.slice(start, end)})()${out.slice(end)}`;
      }
      return { code: out, map: null };
    },
  };
}

/**
 * `import X from './x.worker.ts?worker'` becomes a chunk of the page's own build instead of a separate bundle, so the
 * worker and the panel share the modules both use (the schema validator) instead of each carrying a copy. It runs as a
 * module worker importing only those shared chunks: the build fails if it would load a page's own code.
 */
function workersShareChunks(): Plugin {
  const PREFIX = '\0worker-chunk:';
  const workers = new Map<string, string>(); // emitted chunk reference → worker module
  return {
    name: 'workers-share-chunks',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !source.endsWith('?worker')) return null;
      const resolved = await this.resolve(source.slice(0, -'?worker'.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const worker = id.slice(PREFIX.length);
      const ref = this.emitFile({ type: 'chunk', id: worker, name: basename(worker).replace(/\.[cm]?[jt]sx?$/, '') });
      workers.set(ref, worker);
      return `export default function ChunkWorker(options) { return new Worker(import.meta.ROLLUP_FILE_URL_${ref}, { type: 'module', name: options?.name }); }`;
    },
    generateBundle(_, bundle) {
      for (const [ref, worker] of workers) {
        const seen = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (seen.has(fileName) || chunk?.type !== 'chunk') return;
          if (seen.size > 0 && (chunk.isEntry || chunk.isDynamicEntry)) this.error(`The worker ${worker} would load ${fileName}, a page's own code.`);
          seen.add(fileName);
          chunk.imports.forEach(visit);
        };
        visit(this.getFileName(ref));
      }
    },
  };
}

// One collector for all of WXT's Vite builds; its hook writes THIRD_PARTY_LICENSES.txt once they are done.
const licences = thirdPartyLicenses();

// https://wxt.dev/api/config.html
export default defineConfig({
  // A separate output folder lets two builds (e.g. two people's E2E runs) live side by side.
  outDir: process.env.MCPTI_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    build: {
      // Chrome and Firefox ESR 140+ preload modules natively.
      modulePreload: { polyfill: false },
      // terser with two passes: about 4.5 KB gzip below esbuild's minifier on this build (bench/bundleComposition.ts).
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      // MCPTI_SOURCEMAP=1 adds source maps for bench/bundleComposition.ts (which package costs what); off for real builds.
      sourcemap: Boolean(process.env.MCPTI_SOURCEMAP),
    },
    plugins: [zodWithoutJsonSchema(), zodWithoutJit(), sdkSchemasTreeShakable(), workersShareChunks(), licences.plugin],
    resolve: {
      // The SDK Client imports its Ajv validator even when given another: keep Ajv out of the build
      // (utils/mcp/noAjvProvider.ts says why).
      alias: [
        { find: /^(\.\.\/)+validation\/ajv-provider\.js$/, replacement: resolve(import.meta.dirname, 'utils/mcp/noAjvProvider.ts') },
        // The SDK transports' OAuth client runs only with an authProvider, which the panel never passes.
        { find: /^\.\/auth\.js$/, replacement: resolve(import.meta.dirname, 'utils/mcp/noSdkClientAuth.ts') },
        // The legacy SSE transport's EventSource: one stream, no reconnecting (utils/mcp/oneShotEventSource.ts says why).
        { find: /^eventsource$/, replacement: resolve(import.meta.dirname, 'utils/mcp/oneShotEventSource.ts') },
      ],
    },
  }),
  hooks: licences.hooks,
  // Explicit imports keep every module's dependencies visible (and greppable for browser.*).
  imports: false,
  manifest: ({ browser }) => ({
    name: 'MCP Token Inspector',
    description: 'Captures, decodes and counts down the tokens a page sends to MCP servers, and tests those servers live. For testing only.',
    // scripting registers the in-page token-response recorder on the sites the extension may access
    // (platform/earlyRecorder.ts). alarms/notifications serve the expiry warnings; storage keeps settings (local) and the
    // schedule (session). Capture uses devtools.network, which needs no host permission. The only
    // hosts granted up front are this machine's: local dev servers (wrangler dev, the demo) rarely
    // send CORS headers. Any other MCP server is asked for per origin, at run time (README).
    permissions: ['storage', 'alarms', 'notifications', 'scripting', ...(browser === 'firefox' ? LOCAL_HOSTS : [])],
    host_permissions: browser === 'firefox' ? undefined : LOCAL_HOSTS,
    // The toolbar badge shows the minutes left on a token that is about to expire.
    action: { default_title: 'MCP Token Inspector: open DevTools → MCP Tokens' },
    optional_host_permissions: browser === 'firefox' ? undefined : ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['http://*/*', 'https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'mcp-token-inspector@example.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
