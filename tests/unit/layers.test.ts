// The layers point one way (README, "Development"):
//   routes -> server -> db; routes, components -> lib -> domain; server -> lib, domain; domain -> db/vocabulary only
// and no module imports itself back through others. This reads the imports of every file under app/
// and db/ (type-only and dynamic imports included) and fails on an arrow going the wrong way or on a
// cycle. One exception: a component may import a *type* from a server module or a route (types
// inferred from loaders and server functions; `import type` is erased, no server code reaches the
// browser). A cheap check until ESLint's import/no-cycle and restricted imports say the same.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

type Layer = 'routes' | 'components' | 'server' | 'lib' | 'domain' | 'db' | 'entry' | 'other';

/** The layer of a repository-relative path (forward slashes). */
function layerOf(file: string): Layer {
  if (file.startsWith('db/')) return 'db';
  if (file.startsWith('app/routes/') || file === 'app/root.tsx') return 'routes';
  if (file.startsWith('app/components/')) return 'components';
  if (file.startsWith('app/server/')) return 'server';
  if (file.startsWith('app/lib/')) return 'lib';
  if (file.startsWith('app/domain/')) return 'domain';
  if (/^app\/entry\.(client|server)\.tsx$/.test(file)) return 'entry';
  return 'other';
}

/** What each layer may import besides packages; entry modules wire everything and are not checked. */
const ALLOWED: Record<Exclude<Layer, 'entry' | 'other'>, Layer[]> = {
  routes: ['routes', 'components', 'server', 'lib', 'domain'],
  components: ['components', 'lib', 'domain'],
  server: ['server', 'lib', 'domain', 'db'],
  lib: ['lib', 'domain'],
  domain: ['domain'],
  db: ['db'],
};
/** The closed vocabularies live in db/ without imports so the pgEnums can use them; domain/vocabulary.ts re-exports them. */
const DOMAIN_MAY_IMPORT = new Set(['db/vocabulary.ts']);

/** Per file, what it imports; `type` marks an import that only brings types. */
type Graph = Map<string, { to: string; type?: boolean }[]>;

/** The rule an import breaks, or null. */
function brokenRule(from: string, to: string, typeOnly = false): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === 'entry' || a === 'other') return null;
  if (a === 'domain' && DOMAIN_MAY_IMPORT.has(to)) return null;
  if (a === 'components' && typeOnly && (b === 'server' || b === 'routes')) return null;
  if (a === 'components' && /\.server\.tsx?$/.test(to)) return `${a} imports a .server module`;
  if (!ALLOWED[a].includes(b)) return `${a} imports ${b}`;
  return null;
}

function violations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, edges] of graph)
    for (const { to, type } of edges) {
      const rule = brokenRule(from, to, type);
      if (rule) out.push(`${from} -> ${to} (${rule})`);
    }
  return out.sort();
}

/** Every strongly connected component of more than one module (or a module importing itself), as a path. */
function cycles(graph: Graph): string[] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const { to: w } of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).some((e) => e.to === v)) found.push(component.sort().join(' <-> '));
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return found.sort();
}

// ---------------------------------------------------------------- reading the repository

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** A specifier as a repository-relative file, or null for a package or a non-code asset. */
function resolve(from: string, specifier: string): string | null {
  const bare = specifier.split('?')[0]!;
  let base: string;
  if (bare.startsWith('~/')) base = `app/${bare.slice(2)}`;
  else if (bare.startsWith('#db/')) base = `db/${bare.slice(4)}`;
  else if (bare.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), bare));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  if (/\.(css|json|svg)$/.test(bare)) return null;
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

/** The module specifiers of a file: static imports and re-exports (with whether they bring only types) and dynamic imports. */
function specifiersOf(file: string, text: string): { specifier: string; type: boolean }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { specifier: string; type: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const type = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, type });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      found.push({ specifier: node.moduleSpecifier.text, type: node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, type: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, type: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of [...sourceFiles('app'), ...sourceFiles('db')]) {
    const edges = new Map<string, boolean>();
    for (const { specifier, type } of specifiersOf(file, readFileSync(path.join(root, file), 'utf8'))) {
      const to = resolve(file, specifier);
      if (to) edges.set(to, (edges.get(to) ?? true) && type);
    }
    graph.set(
      file,
      [...edges].map(([to, type]) => ({ to, type })),
    );
  }
  return graph;
}

// ---------------------------------------------------------------- the checks

describe('layers', () => {
  const graph = importGraph();

  it('reads the whole app', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('app/server/kpis.server.ts')).toContainEqual({ to: 'db/client.ts', type: false });
    expect(graph.get('app/server/demo/maps.server.ts')).toContainEqual({ to: 'app/server/demo/context.server.ts', type: true });
  });

  it('point one way: no import goes against the layer map', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('have no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the checks catch each wrong arrow and a cycle (a made-up graph)', () => {
    const edge = (to: string, type = false) => ({ to, type });
    const bad: Graph = new Map([
      ['db/schema.ts', [edge('app/domain/kpi.ts')]],
      ['app/domain/kpi.ts', [edge('app/lib/format.ts'), edge('db/vocabulary.ts')]],
      ['app/components/a.tsx', [edge('app/routes/w.$slug.tsx'), edge('app/server/demo/context.server.ts'), edge('app/server/maps.server.ts', true)]],
      ['app/server/a.server.ts', [edge('app/components/a.tsx', true), edge('app/server/b.server.ts')]],
      ['app/server/b.server.ts', [edge('app/server/a.server.ts', true)]],
      ['app/routes/healthz.tsx', [edge('db/client.ts')]],
    ]);
    expect(violations(bad)).toEqual([
      'app/components/a.tsx -> app/routes/w.$slug.tsx (components imports routes)',
      'app/components/a.tsx -> app/server/demo/context.server.ts (components imports a .server module)',
      'app/domain/kpi.ts -> app/lib/format.ts (domain imports lib)',
      'app/routes/healthz.tsx -> db/client.ts (routes imports db)',
      'app/server/a.server.ts -> app/components/a.tsx (server imports components)',
      'db/schema.ts -> app/domain/kpi.ts (db imports domain)',
    ]);
    expect(cycles(bad)).toEqual(['app/server/a.server.ts <-> app/server/b.server.ts']);
  });
});
