// Concatenates the pages of PDFs written by pdfkit (our letters) into one PDF, without a
// dependency. Scope on purpose narrow: classic xref tables, no object streams, no encryption,
// direct or indirect stream /Length — which is what pdfkit writes. Anything else is refused.
//
// Per input, only the objects reachable from its pages are copied (fonts, images, content
// streams); catalogs, page trees, info dictionaries and XMP packets are dropped and written
// once for the whole file. Identical streams without references (font programs) are written
// once (see sharingKey). Font subset tags (/BZZZZZ+Roboto-Regular, the same in every letter)
// are made unique per letter, since different subsets must not share a name. The output keeps
// PDF/A-1b: one XMP packet (pdfaid) matching the new Info dictionary, and the sRGB output intent
// of the first input.
import { createHash } from 'node:crypto';

interface PdfObject {
  head: string; // the object's value, e.g. "<<\n/Type /Page ...>>" (latin1)
  stream?: Buffer; // raw (still encoded) stream bytes
}

interface ParsedPdf {
  version: string;
  objects: Map<number, PdfObject>;
  root: number;
}

const WS = new Set([0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]);
const DELIM = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

function skipWs(s: string, i: number): number {
  for (;;) {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++;
    if (s[i] === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
      continue;
    }
    return i;
  }
}

/** Index just past the literal string starting at s[i] === '('. */
function skipLiteral(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error('PDF: unterminated string');
}

/** Index just past the PDF value (or single token) starting at/after i. */
function skipValue(s: string, i: number): number {
  i = skipWs(s, i);
  const c = s[i];
  if (c === '<' && s[i + 1] === '<') {
    i += 2;
    for (;;) {
      i = skipWs(s, i);
      if (s[i] === '>' && s[i + 1] === '>') return i + 2;
      if (i >= s.length) throw new Error('PDF: unterminated dictionary');
      i = skipValue(s, i);
    }
  }
  if (c === '[') {
    i++;
    for (;;) {
      i = skipWs(s, i);
      if (s[i] === ']') return i + 1;
      if (i >= s.length) throw new Error('PDF: unterminated array');
      i = skipValue(s, i);
    }
  }
  if (c === '(') return skipLiteral(s, i);
  if (c === '<') {
    const end = s.indexOf('>', i);
    if (end < 0) throw new Error('PDF: unterminated hex string');
    return end + 1;
  }
  if (c === '/') i++;
  const start = i;
  while (i < s.length && !WS.has(s.charCodeAt(i)) && !DELIM.has(s[i]!)) i++;
  if (i === start) throw new Error(`PDF: unexpected character ${JSON.stringify(c)}`);
  return i;
}

/** Applies fn to the parts of a PDF value outside string literals (where refs and names live). */
function mapOutsideStrings(head: string, fn: (part: string) => string): string {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < head.length) {
    const c = head[i];
    if (c === '(') {
      out += fn(head.slice(last, i));
      const end = skipLiteral(head, i);
      out += head.slice(i, end);
      last = i = end;
    } else if (c === '<' && head[i + 1] !== '<' && head[i - 1] !== '<') {
      out += fn(head.slice(last, i));
      const end = head.indexOf('>', i) + 1;
      out += head.slice(i, end);
      last = i = end;
    } else if (c === '<' && head[i + 1] === '<') {
      i += 2;
    } else i++;
  }
  return out + fn(head.slice(last));
}

const REF = /(\d+)\s+(\d+)\s+R\b/g;

function refsIn(head: string): number[] {
  const out: number[] = [];
  mapOutsideStrings(head, (part) => {
    for (const m of part.matchAll(REF)) out.push(Number(m[1]));
    return part;
  });
  return out;
}

function dictEntry(head: string, key: string): string | undefined {
  // Only used on small, known pdfkit dictionaries (catalog, pages, stream dicts).
  const m = new RegExp(`/${key}\\s+(\\d+\\s+\\d+\\s+R|\\d+|\\[[^\\]]*\\])`).exec(head);
  return m?.[1];
}

export function parsePdf(buf: Buffer): ParsedPdf {
  const s = buf.toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(s)?.[1];
  if (!version) throw new Error('PDF: no header');
  const sx = s.lastIndexOf('startxref');
  if (sx < 0) throw new Error('PDF: no startxref');
  const xrefAt = Number(/startxref\s+(\d+)/.exec(s.slice(sx))?.[1]);
  if (s.slice(xrefAt, xrefAt + 4) !== 'xref') throw new Error('PDF: xref streams are not supported');
  const offsets = new Map<number, number>();
  let i = xrefAt + 4;
  const sub = /\s*(\d+)\s+(\d+)\s*\r?\n/y;
  for (;;) {
    sub.lastIndex = i;
    const m = sub.exec(s);
    if (!m) break;
    const first = Number(m[1]);
    const count = Number(m[2]);
    i = sub.lastIndex;
    for (let k = 0; k < count; k++) {
      const entry = s.slice(i, i + 20);
      if (entry[17] === 'n') offsets.set(first + k, Number(entry.slice(0, 10)));
      i += 20;
    }
  }
  const trailer = s.slice(s.indexOf('trailer', i));
  if (/\/Encrypt\b/.test(trailer)) throw new Error('PDF: encrypted input is not supported');
  const root = Number(/\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1]);
  if (!root) throw new Error('PDF: no /Root');

  const objects = new Map<number, PdfObject>();
  const pendingLength: { num: number; start: number; ref: number }[] = [];
  for (const [num, off] of offsets) {
    const hm = /^(\d+)\s+(\d+)\s+obj\b/.exec(s.slice(off, off + 32));
    if (!hm || Number(hm[1]) !== num) throw new Error(`PDF: object ${num} not at its xref offset`);
    const vStart = skipWs(s, off + hm[0].length);
    const vEnd = skipValue(s, vStart);
    const head = s.slice(vStart, vEnd);
    if (head.startsWith('/Type /ObjStm') || /\/Type\s*\/ObjStm/.test(head)) throw new Error('PDF: object streams are not supported');
    let j = skipWs(s, vEnd);
    if (s.startsWith('stream', j)) {
      j += 6;
      if (s[j] === '\r') j++;
      if (s[j] === '\n') j++;
      const len = dictEntry(head, 'Length');
      if (!len) throw new Error(`PDF: stream ${num} without /Length`);
      const refm = /^(\d+)\s+\d+\s+R$/.exec(len);
      if (refm) pendingLength.push({ num, start: j, ref: Number(refm[1]) });
      else objects.set(num, { head, stream: buf.subarray(j, j + Number(len)) });
      if (!refm) continue;
    }
    if (!objects.has(num)) objects.set(num, { head });
  }
  for (const p of pendingLength) {
    const len = Number(objects.get(p.ref)?.head);
    if (!Number.isFinite(len)) throw new Error(`PDF: bad indirect /Length for stream ${p.num}`);
    const o = objects.get(p.num)!;
    o.stream = buf.subarray(p.start, p.start + len);
  }
  return { version, objects, root };
}

function pageList(pdf: ParsedPdf): { pagesRoot: number; pages: number[] } {
  const cat = pdf.objects.get(pdf.root)?.head ?? '';
  const pagesRef = dictEntry(cat, 'Pages');
  const pagesRoot = Number(pagesRef?.split(/\s+/)[0]);
  const pages: number[] = [];
  const walk = (n: number) => {
    const o = pdf.objects.get(n);
    if (!o) throw new Error(`PDF: missing page tree node ${n}`);
    if (/\/Type\s*\/Pages\b/.test(o.head)) {
      const kids = dictEntry(o.head, 'Kids') ?? '[]';
      for (const m of kids.matchAll(REF)) walk(Number(m[1]));
    } else pages.push(n);
  };
  walk(pagesRoot);
  return { pagesRoot, pages };
}

function reachable(pdf: ParsedPdf, from: number[], stop: Set<number>): number[] {
  const seen = new Set<number>();
  const todo = [...from];
  while (todo.length) {
    const n = todo.pop()!;
    if (seen.has(n) || stop.has(n)) continue;
    const o = pdf.objects.get(n);
    if (!o) continue; // dangling reference: nothing to copy
    seen.add(n);
    for (const r of refsIn(o.head)) if (!seen.has(r)) todo.push(r);
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * Streams that refer to nothing (font programs, ToUnicode maps, the logo) are written once and
 * shared by every letter with the same bytes: a batch of letters then holds each font once.
 */
function sharingKey(o: PdfObject): string | undefined {
  if (!o.stream || refsIn(o.head).length) return undefined;
  return createHash('sha256').update(o.head).update('\0').update(o.stream).digest('base64');
}

function tagFor(index: number): string {
  let t = '';
  for (let k = 0; k < 4; k++) {
    t = String.fromCharCode(65 + (index % 26)) + t;
    index = Math.floor(index / 26);
  }
  return t;
}

function pdfString(s: string): string {
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export interface MergeOptions {
  title: string;
  author: string;
  creator?: string;
  producer?: string;
  /** CreationDate/ModDate of the merged file (deterministic output). */
  date: Date;
}

export function mergePdfs(inputs: Buffer[], opts: MergeOptions): Buffer {
  if (inputs.length === 0) throw new Error('mergePdfs: nothing to merge');
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let pos = 0;
  const emit = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    pos += buf.length;
  };
  const parsed = inputs.map(parsePdf);
  const first = parsed[0]!;
  const firstXmp = (() => {
    const meta = dictEntry(first.objects.get(first.root)!.head, 'Metadata');
    const n = meta ? Number(meta.split(/\s+/)[0]) : 0;
    return first.objects.get(n)?.stream?.toString('utf8') ?? '';
  })();
  const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(firstXmp)?.[1];
  const conformance = /<pdfaid:conformance>([AB])<\/pdfaid:conformance>/.exec(firstXmp)?.[1];

  // Object numbers: 1 catalog, 2 pages, 3 info, 4 metadata, then the copied objects.
  let next = 5;
  const kids: number[] = [];
  const copies: { pdf: ParsedPdf; doc: number; map: Map<number, number>; nums: number[] }[] = [];
  let outputIntent: number | undefined;
  const sharedStreams = new Map<string, number>();
  parsed.forEach((pdf, doc) => {
    const { pagesRoot, pages } = pageList(pdf);
    const map = new Map<number, number>([[pagesRoot, 2]]);
    const from = [...pages];
    let intentOld: number | undefined;
    if (doc === 0) {
      const oi = dictEntry(pdf.objects.get(pdf.root)!.head, 'OutputIntents');
      const m = oi ? [...oi.matchAll(REF)][0] : undefined;
      if (m) from.push((intentOld = Number(m[1])));
    }
    const nums: number[] = []; // the objects this letter adds to the output
    for (const n of reachable(pdf, from, new Set([pagesRoot, pdf.root]))) {
      const key = sharingKey(pdf.objects.get(n)!);
      const same = key && sharedStreams.get(key);
      if (same) {
        map.set(n, same);
        continue;
      }
      if (key) sharedStreams.set(key, next);
      map.set(n, next++);
      nums.push(n);
    }
    for (const pg of pages) kids.push(map.get(pg)!);
    if (intentOld !== undefined) outputIntent = map.get(intentOld);
    copies.push({ pdf, doc, map, nums });
  });

  emit(`%PDF-${first.version}\n%\xff\xff\xff\xff\n`);
  const writeObj = (num: number, head: string, stream?: Buffer) => {
    offsets[num] = pos;
    emit(`${num} 0 obj\n${head}\n`);
    if (stream) {
      emit('stream\n');
      emit(stream);
      emit('\nendstream\n');
    }
    emit('endobj\n');
  };

  const stamp = `${opts.date.toISOString().split('.')[0]}Z`;
  const esc = (s: string) => s.replace(/[<>&"]/g, ' ');
  const creator = opts.creator ?? 'Sociaal Loket';
  const producer = opts.producer ?? 'Sociaal Loket (pdfmake)';
  const catalog = ['<<', '/Type /Catalog', '/Pages 2 0 R', '/Lang (nl-NL)'];
  if (part) {
    catalog.push('/Metadata 4 0 R');
    if (outputIntent) catalog.push(`/OutputIntents [${outputIntent} 0 R]`);
  }
  catalog.push('>>');
  writeObj(1, catalog.join('\n'));
  writeObj(2, `<<\n/Type /Pages\n/Count ${kids.length}\n/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]\n>>`);
  writeObj(
    3,
    [
      '<<',
      `/Title ${pdfString(esc(opts.title))}`,
      `/Author ${pdfString(esc(opts.author))}`,
      `/Creator ${pdfString(creator)}`,
      `/Producer ${pdfString(producer)}`,
      `/CreationDate (${pdfDate(opts.date)})`,
      `/ModDate (${pdfDate(opts.date)})`,
      '>>',
    ].join('\n'),
  );
  const xmp = Buffer.from(
    [
      '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
      '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      ...(part
        ? [
            `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">`,
            `<pdfaid:part>${part}</pdfaid:part><pdfaid:conformance>${conformance ?? 'B'}</pdfaid:conformance>`,
            '</rdf:Description>',
          ]
        : []),
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
      `<xmp:CreateDate>${stamp}</xmp:CreateDate><xmp:ModifyDate>${stamp}</xmp:ModifyDate>`,
      `<xmp:MetadataDate>${stamp}</xmp:MetadataDate><xmp:CreatorTool>${esc(creator)}</xmp:CreatorTool>`,
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(opts.title)}</rdf:li></rdf:Alt></dc:title>`,
      `<dc:creator><rdf:Seq><rdf:li>${esc(opts.author)}</rdf:li></rdf:Seq></dc:creator>`,
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
      `<pdf:Producer>${esc(producer)}</pdf:Producer>`,
      '</rdf:Description>',
      '</rdf:RDF>',
      '</x:xmpmeta>',
      '<?xpacket end="w"?>',
    ].join('\n'),
    'utf8',
  );
  writeObj(4, `<<\n/Type /Metadata\n/Subtype /XML\n/Length ${xmp.length}\n>>`, xmp);

  for (const { pdf, doc, map, nums } of copies) {
    const tag = tagFor(doc);
    for (const n of nums) {
      const o = pdf.objects.get(n)!;
      const head = mapOutsideStrings(o.head, (seg) =>
        seg
          .replace(REF, (all, a: string) => {
            const to = map.get(Number(a));
            return to === undefined ? 'null' : `${to} 0 R`;
          })
          .replace(/\/([A-Z]{2})[A-Z]{4}\+/g, (_all, a: string) => `/${a}${tag}+`),
      );
      writeObj(map.get(n)!, head, o.stream);
    }
  }

  const size = next;
  const xrefAt = pos;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) xref += `${String(offsets[n] ?? 0).padStart(10, '0')} 00000 n \n`;
  const h = createHash('sha256');
  for (const b of inputs) h.update(b);
  const id = h.digest('hex').slice(0, 32);
  emit(xref);
  emit(`trailer\n<<\n/Size ${size}\n/Root 1 0 R\n/Info 3 0 R\n/ID [<${id}> <${id}>]\n>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** Page count of a pdfkit-written PDF (cheap: reads the page tree). */
export function countPages(buf: Buffer): number {
  return pageList(parsePdf(buf)).pages.length;
}
