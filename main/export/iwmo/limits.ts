/**
 * Limits for an incoming verzoek om toewijzing (WMO315/JW315). A real one is a few kilobytes: a
 * header, one client and some tens of products. The limits leave ample room and refuse what
 * only an attack or a wrong file needs (millions of elements, nesting that exhausts the parser).
 */
export const VERZOEK_MAX_BYTES = 2 * 1024 * 1024;
export const VERZOEK_MAX_ELEMENTS = 20_000;
export const VERZOEK_MAX_DEPTH = 32;

/** A Dutch refusal, or null; one pass over the text, before any parser sees it. */
export function verzoekLimitProblem(xml: string): string | null {
  if (Buffer.byteLength(xml, 'utf8') > VERZOEK_MAX_BYTES) {
    return `Het bestand is ${(Buffer.byteLength(xml, 'utf8') / 1024 / 1024).toFixed(1).replace('.', ',')} MB; een verzoek om toewijzing is hoogstens ${VERZOEK_MAX_BYTES / 1024 / 1024} MB. Het wordt niet gelezen: controleer of u het goede bestand koos.`;
  }
  let elements = 0;
  let depth = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f /* / */) depth--;
    else if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */) {
      elements++;
      const end = xml.indexOf('>', i);
      if (end < 0 || xml.charCodeAt(end - 1) !== 0x2f) depth++;
      if (elements > VERZOEK_MAX_ELEMENTS) {
        return `Het bericht bevat meer dan ${VERZOEK_MAX_ELEMENTS.toLocaleString('nl-NL')} elementen; een verzoek om toewijzing is veel kleiner. Het wordt niet gelezen.`;
      }
      if (depth > VERZOEK_MAX_DEPTH) {
        return `Het bericht is dieper genest dan ${VERZOEK_MAX_DEPTH} niveaus; dat past niet bij een verzoek om toewijzing. Het wordt niet gelezen.`;
      }
    }
  }
  return null;
}
