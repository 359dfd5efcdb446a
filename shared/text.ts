import { z } from 'zod';

/**
 * The one text validator (issue 15): no C0 or C1 control characters, no bidirectional overrides
 * or isolates (U+202A–U+202E, U+2066–U+2069: they make "Jan" print as something else), and
 * single-line fields single-line (a CR/LF in `straat` printed an extra line in the envelope
 * window). Every string of every channel's input is checked by the router against its schema:
 * strings are single-line unless the schema marks the field `multiline(...)`.
 */

const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u; // tab, LF and CR allowed
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text cannot be stored, as the end of a Dutch sentence ("Veld 'straat' …"), or null. */
export function textProblem(value: string, multi: boolean): string | null {
  const bidi = BIDI.exec(value);
  if (bidi) return `bevat een onzichtbaar teken dat de leesrichting omdraait (${hex(bidi[0])}). Typ de tekst opnieuw in plaats van hem te plakken.`;
  const control = (multi ? CONTROL_MULTI : CONTROL_SINGLE).exec(value);
  if (!control) return null;
  if (!multi && /[\r\n\t]/.test(control[0])) return 'moet op één regel passen: haal de regelovergang (Enter) of tab weg.';
  return `bevat een onzichtbaar stuurteken (${hex(control[0])}). Typ de tekst opnieuw in plaats van hem te plakken.`;
}

const MULTILINE = new WeakSet<object>();
const CHECKED_BY_SERVICE = new WeakSet<object>();

/**
 * A field the service checks itself after parsing it (a whole iWmo message of up to 25 MB: its
 * names and texts are checked once read, and scanning the raw file here would hold up the main thread).
 */
export function checkedByService<T extends z.ZodType>(schema: T): T {
  CHECKED_BY_SERVICE.add(schema);
  return schema;
}

/** Marks a text field that may hold several lines (a verslag, a motivering); checked the same way otherwise. */
export function multiline<T extends z.ZodString>(schema: T): T {
  const checked = schema.superRefine((v, ctx) => {
    const p = textProblem(v, true);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  }) as T;
  MULTILINE.add(checked);
  return checked;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | null => ((s as { _zod?: { def?: Def } } | null)?._zod?.def) ?? null;

/**
 * The first string in `value` (validated input of `schema`) that fails `textProblem`, with its
 * path; single-line unless the string schema it belongs to was made with `multiline`.
 */
export function inputTextProblem(schema: unknown, value: unknown, path: (string | number)[] = []): { path: string; message: string } | null {
  if (schema && CHECKED_BY_SERVICE.has(schema)) return null;
  const def = defOf(schema);
  if (typeof value === 'string') {
    const message = textProblem(value, acceptsMultiline(schema));
    return message ? { path: path.join('.'), message } : null;
  }
  if (!def || value === null || typeof value !== 'object') return null;
  switch (def.type) {
    case 'pipe': return inputTextProblem(def.in, value, path);
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return inputTextProblem(def.innerType, value, path);
    case 'lazy': return inputTextProblem((def.getter as () => unknown)(), value, path);
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) {
        const p = inputTextProblem(shape[k], v, [...path, k]);
        if (p) return p;
      }
      return null;
    }
    case 'array': case 'record': {
      const inner = def.type === 'array' ? def.element : def.valueType;
      for (const [k, v] of Object.entries(value)) {
        const p = inputTextProblem(inner, v, [...path, Array.isArray(value) ? Number(k) : k]);
        if (p) return p;
      }
      return null;
    }
    case 'union': {
      // The first option without a problem wins (a union of objects: the one the value fits).
      let first: { path: string; message: string } | null = null;
      for (const o of def.options as unknown[]) {
        const p = inputTextProblem(o, value, path);
        if (!p) return null;
        first ??= p;
      }
      return first;
    }
    default: {
      // Any other container: every string in it is single-line.
      for (const [k, v] of Object.entries(value)) {
        const p = inputTextProblem(null, v, [...path, k]);
        if (p) return p;
      }
      return null;
    }
  }
}

function acceptsMultiline(schema: unknown): boolean {
  if (schema && MULTILINE.has(schema)) return true;
  const def = defOf(schema);
  if (!def) return false;
  switch (def.type) {
    case 'pipe': return acceptsMultiline(def.in);
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return acceptsMultiline(def.innerType);
    case 'union': return (def.options as unknown[]).some(acceptsMultiline);
    default: return false;
  }
}
