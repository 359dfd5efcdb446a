// Lint rule `loket/no-import-cycle`: no file may reach itself through imports, type-only imports
// included (import-x/no-cycle skips `import type`). The graph is built once per lint run.
import path from 'node:path';
import { cycleThrough, cycles, importGraph } from './import-graph.mjs';

let cache = null;
function analysis(root) {
  if (!cache || cache.root !== root) {
    const graph = importGraph(root);
    const componentOf = new Map();
    for (const c of cycles(graph)) for (const f of c) componentOf.set(f, c);
    cache = { root, graph, componentOf };
  }
  return cache;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only imports included.' },
    messages: { cycle: 'Import cycle: {{route}}. Move what both sides need into a module below them.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.resolve(context.filename);
    const { graph, componentOf } = analysis(root);
    const component = componentOf.get(file);
    if (!component) return {};
    const deps = graph.get(file);
    const check = (node, source) => {
      for (const [target, spec] of deps) {
        if (spec !== source || !component.includes(target)) continue;
        const route = cycleThrough(graph, file, component).map((f) => path.relative(root, f)).join(' → ');
        context.report({ node, messageId: 'cycle', data: { route } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
    };
  },
};
