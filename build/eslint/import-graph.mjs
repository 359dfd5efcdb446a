// The project's import graph (type-only imports included), resolved as TypeScript resolves them,
// and its cycles (strongly connected components), for the lint rule `loket/no-import-cycle`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOTS = ['main', 'shared', 'renderer/src'];
const SOURCE = /\.(ts|tsx)$/;

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const OPTIONS = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowJs: false, resolveJsonModule: true };

/** file → files it imports (static imports, re-exports, `import type`, `import()` of project files). */
export function importGraph(root) {
  const files = ROOTS.flatMap((r) => walk(path.join(root, r), []));
  const known = new Set(files);
  const graph = new Map();
  for (const f of files) {
    const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
    const deps = new Map();
    for (const ref of info.importedFiles) {
      const r = ts.resolveModuleName(ref.fileName, f, OPTIONS, ts.sys).resolvedModule;
      const target = r && path.resolve(r.resolvedFileName);
      if (target && known.has(target) && target !== f && !deps.has(target)) deps.set(target, ref.fileName);
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Tarjan's strongly connected components of size > 1: every file in one can reach itself. */
export function cycles(graph) {
  let index = 0;
  const idx = new Map(), low = new Map(), onStack = new Set(), stack = [], out = [];
  const strong = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}

/** One shortest cycle through `from` inside its component, for a readable message. */
export function cycleThrough(graph, from, component) {
  const inComp = new Set(component);
  const prev = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!inComp.has(w)) continue;
      if (w === from) {
        const route = [from];
        for (let x = v; x !== from; x = prev.get(x)) route.splice(1, 0, x);
        return [...route, from];
      }
      if (!prev.has(w)) { prev.set(w, v); queue.push(w); }
    }
  }
  return [from];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const g = importGraph(root);
  for (const c of cycles(g)) {
    console.log(`cycle of ${c.length} files:`);
    for (const f of c) console.log('  ', path.relative(root, f), '→', [...g.get(f).keys()].filter((x) => c.includes(x)).map((x) => path.relative(root, x)).join(', '));
  }
}
