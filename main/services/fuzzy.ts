/**
 * Typo-tolerant client search by name ("Vreis" finds "de Vries", "Jnasen" finds "Jansen"):
 * typed words are matched to the vocabulary of name words, the trigram FTS index of migration
 * 0002 finds the rows, and hits are ranked by similarity (edit distance / trigram Dice).
 * Behind client.search as kind 'fuzzy', and as the fallback when a name search finds nothing.
 */
import type { RawDb } from '../db/database';
import { distinctZoeknamen, nameVocabularyVersion, namesContainingOneOfEach } from '../db/sqlite/clientSearch';
import { foldForSearch } from '../../shared/names';

export interface FuzzyHit {
  id: number;
  zoeknaam: string;
  score: number;
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  const p = `  ${s} `;
  for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/**
 * Best similarity of the query against any run of as many words in the folded name: the larger
 * of trigram Dice and 1 − edit distance / length (so transpositions in short names still score).
 * Also word by word in any order (the mean of each typed word's best match), because the folded
 * name starts with the surname while people type "van Vleit" or "Anna van Vleit".
 */
export function nameSimilarity(query: string, zoeknaam: string): number {
  const q = trigrams(query);
  const typed = query.split(' ');
  const k = typed.length;
  const words = zoeknaam.split(' ');
  let best = 0;
  for (let i = 0; i + k <= words.length; i++) {
    const run = words.slice(i, i + k).join(' ');
    const s = Math.max(dice(q, trigrams(run)), 1 - editDistance(query, run) / Math.max(query.length, run.length));
    if (s > best) best = s;
  }
  if (k > 1 && best < 1) {
    let sum = 0;
    for (const t of typed) {
      let tBest = 0;
      let tGrams: Set<string> | null = null;
      for (const w of words) {
        if (w === t) { tBest = 1; break; }
        if (Math.abs(w.length - t.length) > 3) continue;
        tGrams ??= trigrams(t);
        tBest = Math.max(tBest, wordSimilarity(t, tGrams, w, trigrams(w)));
      }
      sum += tBest;
    }
    best = Math.max(best, sum / k);
  }
  return best;
}


interface Vocab { version: string; words: string[]; grams: Set<string>[] }
const vocabs = new WeakMap<RawDb, Vocab>();

/**
 * The distinct words of all folded names (a few thousand at 100k clients), cached per connection
 * and rebuilt when clients were added, removed or renamed (migration 0006 counts renames).
 * Typos are matched against these words, not rows.
 */
function vocabulary(raw: RawDb): Vocab {
  const version = nameVocabularyVersion(raw);
  const cached = vocabs.get(raw);
  if (cached && cached.version === version) return cached;
  const words = new Set<string>();
  for (const r of distinctZoeknamen(raw)) {
    for (const w of r.split(' ')) if (w.length >= 2) words.add(w);
  }
  // Each word's trigrams once, not once per query.
  const list = [...words];
  const v = { version, words: list, grams: list.map(trigrams) };
  vocabs.set(raw, v);
  return v;
}

function wordSimilarity(a: string, aGrams: Set<string>, b: string, bGrams: Set<string>): number {
  if (a === b) return 1;
  if (Math.abs(a.length - b.length) > 3) return 0;
  return Math.max(dice(aGrams, bGrams), 1 - editDistance(a, b) / Math.max(a.length, b.length));
}

/**
 * Fuzzy name search: each typed word is matched against the vocabulary of name words (edit
 * distance / trigram similarity), the close words become an FTS query (any alternative per word,
 * all words), and the hits are ranked by similarity of the whole query to the name.
 */
export function fuzzySearchRaw(raw: RawDb, query: string, limit = 25, opts: { candidates?: number; minScore?: number; maxAlternatives?: number } = {}): FuzzyHit[] {
  const q = foldForSearch(query);
  const tokens = q.split(' ').filter((w) => w.length >= 2);
  if (tokens.length === 0) return [];
  const vocab = vocabulary(raw);
  const minScore = opts.minScore ?? 0.6;
  const groups: { typed: string; alternatives: string[] }[] = [];
  for (const t of tokens) {
    const tGrams = trigrams(t);
    const alts = vocab.words.map((w, i) => ({ w, s: wordSimilarity(t, tGrams, w, vocab.grams[i]!) })).filter((x) => x.s >= minScore)
      .sort((a, b) => b.s - a.s).slice(0, opts.maxAlternatives ?? 8).map((x) => x.w);
    // Unknown word with no close match: it may still be part of a longer name (trigram substring).
    if (alts.length === 0) alts.push(t);
    groups.push({ typed: t, alternatives: alts });
  }
  const rows = namesContainingOneOfEach(raw, groups, opts.candidates ?? 500);
  return rows
    .map((r) => ({ id: r.id, zoeknaam: r.zoeknaam, score: nameSimilarity(q, r.zoeknaam) }))
    .filter((h) => h.score >= minScore)
    .sort((a, b) => b.score - a.score || (a.zoeknaam < b.zoeknaam ? -1 : a.zoeknaam > b.zoeknaam ? 1 : a.id - b.id))
    .slice(0, limit);
}
