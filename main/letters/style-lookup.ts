// pdfmake 0.3 resolves ~22 style properties for every word it measures, and each lookup walks the
// whole style stack (through a fresh closure and a fresh Set per call). All words of a paragraph
// share the same stack, so we resolve each property once per stack state and remember it until
// the stack changes (push/pop). Same answers as pdfmake's own lookup: a render test compares the
// bytes. Words with a style of their own, and styles that use `extends`, take pdfmake's path.
import { createRequire } from 'node:module';

interface Stack {
  styleDictionary: Record<string, Record<string, unknown> | undefined> | null;
  defaultStyle?: Record<string, unknown>;
  styleOverrides?: unknown[];
  push(styleNameOrOverride: unknown): void;
  pop(howMany?: number): void;
  getProperty(property: string): unknown;
  /** our memo: resolved properties for the stack state `resolvedAt` */
  resolved?: Map<string, unknown>;
  resolvedAt?: number;
  changes?: number;
}
interface StackClass {
  prototype: Stack;
  getStyleProperty(item: Record<string, unknown>, stack: Stack | undefined, property: string, defaultValue: unknown): unknown;
}

const req = createRequire(__filename);
const StyleContextStack = (req('pdfmake/js/StyleContextStack') as { default: StackClass }).default;
const original = {
  push: StyleContextStack.prototype.push,
  pop: StyleContextStack.prototype.pop,
  getStyleProperty: StyleContextStack.getStyleProperty,
};

function push(this: Stack, styleNameOrOverride: unknown): void {
  this.changes = (this.changes ?? 0) + 1;
  original.push.call(this, styleNameOrOverride);
}
function pop(this: Stack, howMany?: number): void {
  this.changes = (this.changes ?? 0) + 1;
  original.pop.call(this, howMany);
}

function getStyleProperty(item: Record<string, unknown>, stack: Stack | undefined, property: string, defaultValue: unknown): unknown {
  const own = item[property];
  if (own !== undefined && own !== null) return own;
  if (!stack) return defaultValue;
  // An item with named styles of its own changes the lookup: pdfmake's way (push, look up, pop).
  if (typeof item === 'object' && item.style) return original.getStyleProperty(item, stack, property, defaultValue);
  // Otherwise pushing the item adds nothing that was not checked above: look up the stack as is.
  const changes = stack.changes ?? 0;
  if (!stack.resolved || stack.resolvedAt !== changes) {
    stack.resolved = new Map();
    stack.resolvedAt = changes;
  }
  let value: unknown;
  if (stack.resolved.has(property)) value = stack.resolved.get(property);
  else {
    value = stack.getProperty(property);
    stack.resolved.set(property, value);
  }
  return value !== undefined && value !== null ? value : defaultValue;
}

/** On by default (see fonts.ts getPdfMake); off only to compare with pdfmake's own lookup. */
export function setFastStyleLookup(on: boolean): void {
  StyleContextStack.prototype.push = on ? push : original.push;
  StyleContextStack.prototype.pop = on ? pop : original.pop;
  StyleContextStack.getStyleProperty = on ? getStyleProperty : original.getStyleProperty;
}
