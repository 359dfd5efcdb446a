/**
 * Schema validation with xmllint (Debian libxml2-utils) for tests. The XSDs are the official
 * iWmo/iJw 3.2 files vendored in specs/ (see specs/SOURCES.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { specPath } from '../../specs/path.cjs';

/** The folder holding package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

export function xsdPath(folder: 'iwmo-3.2' | 'ijw-3.2', file: string): string {
  return specPath(folder, file);
}

export interface XmlValidation {
  ok: boolean;
  /** xmllint's messages (without the trailing "validates"/"fails to validate" line). */
  errors: string[];
}

export function validateXml(xml: string, xsd: string): XmlValidation {
  return validateMany([xml], xsd)[0]!;
}

/** Validates several documents with one xmllint run. */
export function validateMany(xmls: readonly string[], xsd: string): XmlValidation[] {
  if (!existsSync(xsd)) throw new Error(`XSD not found: ${xsd}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'xmllint-'));
  try {
    const files = xmls.map((xml, i) => {
      const f = path.join(dir, `doc${i}.xml`);
      writeFileSync(f, xml, 'utf8');
      return f;
    });
    const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, ...files], { encoding: 'utf8' });
    if (r.error) throw r.error;
    const lines = (r.stderr ?? '').split('\n').filter((l) => l.trim());
    return files.map((f) => {
      const mine = lines.filter((l) => l.startsWith(f + ':') || l.startsWith(f + ' '));
      const ok = mine.some((l) => l === `${f} validates`) && (xmls.length > 1 || r.status === 0);
      return { ok, errors: mine.filter((l) => !l.startsWith(`${f} validates`) && !l.startsWith(`${f} fails to validate`)) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Exit status of a single xmllint run, for tests that must see it fail. */
export function xmllintStatus(xml: string, xsd: string): number | null {
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, '-'], { input: xml, encoding: 'utf8' });
  return r.status;
}
