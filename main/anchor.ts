import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Anchors for a hash chain (the access log; the team server's log uses the same module): the
 * chain's head (sequence number and hash) written outside the database, to an append-only file
 * (on another volume or share) and to syslog (RFC 5424: UDP, TCP with octet counting, or the
 * local socket through `logger`). Whoever holds the database key can rebuild the chain inside the
 * database, but not these copies: `checkAnchors` then names the rewrite or the cut tail.
 *
 * Not a keyed chain: in local mode every user's password yields the database key, and the app
 * holds no secret a user lacks, so a MAC key would be one more thing an attacker copies. What an
 * attacker cannot reach (a share she can only append to, a syslog host) is what protects; a team
 * server, which does hold a key of its own, may still MAC its chain before anchoring it.
 */

export interface AnchorConfig {
  /** An append-only file, one JSON line per anchor. */
  file?: string;
  /** 'udp://host:514', 'tcp://host:601', or 'local' / 'local:/dev/log' (through `logger`). */
  syslog?: string;
}

export type AnchorEvent = 'schrijven' | 'vergrendelen' | 'back-up' | 'export' | 'herstel' | 'sleutel' | 'start';

export interface ChainHead {
  /** Which chain: the database id (or the team server's id). */
  chain: string;
  seq: number;
  head: string;
}

export interface AnchorRecord extends ChainHead {
  loketAnker: 1;
  ts: string;
  event: AnchorEvent;
  detail?: string | null;
}

/** Reads the configuration from the environment (CLI, app): LOKET_ANKER_BESTAND and LOKET_SYSLOG. */
export function anchorConfigFromEnv(env: NodeJS.ProcessEnv): AnchorConfig {
  return {
    ...(env.LOKET_ANKER_BESTAND ? { file: path.resolve(env.LOKET_ANKER_BESTAND) } : {}),
    ...(env.LOKET_SYSLOG ? { syslog: env.LOKET_SYSLOG } : {}),
  };
}

export function hasAnchors(c: AnchorConfig | undefined): boolean {
  return Boolean(c?.file || c?.syslog);
}

/** RFC 5424 facility authpriv (10), severity info (6). */
const PRI = 10 * 8 + 6;
const APP = 'sociaal-loket';

/** One RFC 5424 message; the structured data repeats the head, the message is the JSON record. */
export function syslogMessage(r: AnchorRecord, host = os.hostname()): string {
  const sd = `[anker@32473 keten="${r.chain}" seq="${r.seq}" head="${r.head}" gebeurtenis="${r.event}"]`;
  return `<${PRI}>1 ${r.ts} ${host.replace(/\s/g, '') || '-'} ${APP} ${process.pid} anker ${sd} ${JSON.stringify(r)}`;
}

export class Anchor {
  private udp: dgram.Socket | null = null;
  private tcp: net.Socket | null = null;
  private lastKey = '';
  private pending = new Set<Promise<void>>();
  private next: { event: AnchorEvent; detail?: string } | null = null;
  /** Problems writing to syslog (the app keeps going; verify-log and the caller can report them). */
  readonly errors: string[] = [];

  constructor(readonly config: AnchorConfig) {}

  /**
   * Writes the head to every configured anchor. The file is appended synchronously (and fsynced
   * when `durable`), so the anchor exists before the caller goes on; syslog is sent without waiting.
   * An unchanged head is written again only for events other than 'schrijven'.
   */
  write(head: ChainHead, event: AnchorEvent, options: { durable?: boolean; detail?: string } = {}): AnchorRecord | null {
    const key = `${head.chain}:${head.seq}:${head.head}`;
    if (event === 'schrijven' && key === this.lastKey) return null;
    this.lastKey = key;
    const record: AnchorRecord = { loketAnker: 1, ...head, ts: new Date().toISOString(), event, detail: options.detail ?? null };
    if (this.config.file) appendLine(this.config.file, JSON.stringify(record) + '\n', options.durable ?? event !== 'schrijven');
    if (this.config.syslog) this.send(syslogMessage(record));
    return record;
  }

  /** Labels the next write-batch anchor (made after the commit) as this event, durably. */
  markNext(event: AnchorEvent, detail?: string): void {
    this.next = { event, detail };
  }

  /** The anchor after a committed write batch: 'schrijven', or the event marked for it. */
  afterCommit(head: ChainHead): AnchorRecord | null {
    const next = this.next;
    this.next = null;
    return next ? this.write(head, next.event, { durable: true, detail: next.detail }) : this.write(head, 'schrijven');
  }

  private send(message: string): void {
    const target = this.config.syslog!;
    const fail = (e: unknown) => {
      if (this.errors.length < 20) this.errors.push(`syslog ${target}: ${(e as Error).message}`);
    };
    try {
      if (target === 'local' || target.startsWith('local:')) {
        const socket = target.slice('local:'.length) || '/dev/log';
        // Node has no Unix datagram sockets; util-linux `logger` speaks to /dev/log either way.
        const child = spawn('logger', ['--rfc5424', '-u', socket, '-t', APP, '-p', 'authpriv.info', '--', message.slice(message.indexOf('{'))],
          { stdio: 'ignore' });
        child.on('error', fail);
        child.unref();
        return;
      }
      const url = new URL(target);
      const port = Number(url.port || (url.protocol === 'tcp:' ? 601 : 514));
      if (url.protocol === 'udp:') {
        this.udp ??= dgram.createSocket(net.isIPv6(url.hostname.replace(/^\[|\]$/g, '')) ? 'udp6' : 'udp4').on('error', fail);
        this.udp.unref();
        const sent = new Promise<void>((resolve) => {
          this.udp!.send(Buffer.from(message, 'utf8'), port, url.hostname.replace(/^\[|\]$/g, ''), (e) => {
            if (e) fail(e);
            resolve();
          });
        });
        this.pending.add(sent);
        void sent.then(() => this.pending.delete(sent));
      } else if (url.protocol === 'tcp:') {
        if (!this.tcp || this.tcp.destroyed) {
          this.tcp = net.connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port }).on('error', (e) => {
            fail(e);
            this.tcp?.destroy();
            this.tcp = null;
          });
          this.tcp.unref();
        }
        // RFC 6587 octet counting: the length in bytes, a space, the message.
        const bytes = Buffer.from(message, 'utf8');
        this.tcp.write(`${bytes.length} `);
        this.tcp.write(bytes);
      } else {
        fail(new Error(`onbekend protocol ${url.protocol}`));
      }
    } catch (e) {
      fail(e);
    }
  }

  /** Lets pending syslog messages go out, then closes the sockets. */
  async close(): Promise<void> {
    await Promise.all([...this.pending]);
    const tcp = this.tcp;
    const udp = this.udp;
    this.tcp = null;
    this.udp = null;
    if (tcp && !tcp.destroyed) await new Promise<void>((resolve) => tcp.end(resolve));
    if (udp) await new Promise<void>((resolve) => udp.close(() => resolve()));
  }
}

function appendLine(file: string, line: string, durable: boolean): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!durable) {
    appendFileSync(file, line, { mode: 0o600 });
    return;
  }
  const fd = openSync(file, 'a', 0o600);
  try {
    appendFileSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Every anchor record for `chain` in the given files, in file order. Any line holding a record is
 * read, so a syslog server's own log file (or an extract of it) can be checked the same way.
 */
export function readAnchors(files: string[], chain: string): { records: AnchorRecord[]; unreadable: string[] } {
  const records: AnchorRecord[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      unreadable.push(file);
      continue;
    }
    for (const line of text.split('\n')) {
      const at = line.indexOf('{"loketAnker":1');
      if (at < 0) continue;
      try {
        const r = JSON.parse(line.slice(at)) as AnchorRecord;
        if (r.chain === chain && Number.isSafeInteger(r.seq) && typeof r.head === 'string') records.push(r);
      } catch {
        // A torn last line (crash while appending) carries no anchor.
      }
    }
  }
  return { records, unreadable };
}

export interface AnchorCheck {
  /** Anchors for this chain that were compared (after the last restore, if any). */
  checked: number;
  /** The highest anchored sequence number. */
  lastAnchoredSeq: number;
  /** Entries were removed from the end: the anchors know entries the chain no longer has. */
  truncation?: { anchoredSeq: number; chainEnd: number; anchoredAt: string };
  /** The chain differs from an anchor at `seq`; it still matched at `lastGoodSeq`. */
  rewrite?: { seq: number; lastGoodSeq: number; anchoredAt: string };
  /** Restores recorded in the anchors: the entries anchored before them were replaced on purpose. */
  restores: { ts: string; seq: number; detail: string | null }[];
}

/**
 * Compares a chain with its anchors. `hashAt(seq)` gives the chain's hash at a sequence number
 * (undefined when there is no such entry); `chainEnd` its last sequence number.
 */
export function checkAnchors(records: AnchorRecord[], chainEnd: number, hashAt: (seq: number) => string | undefined): AnchorCheck {
  let start = 0;
  const restores: AnchorCheck['restores'] = [];
  records.forEach((r, i) => {
    if (r.event === 'herstel') {
      start = i;
      restores.push({ ts: r.ts, seq: r.seq, detail: r.detail ?? null });
    }
  });
  const live = records.slice(start);
  const result: AnchorCheck = { checked: live.length, lastAnchoredSeq: 0, restores };
  let lastGoodSeq = 0;
  for (const r of [...live].sort((a, b) => a.seq - b.seq)) {
    result.lastAnchoredSeq = Math.max(result.lastAnchoredSeq, r.seq);
    if (r.seq > chainEnd) {
      if (!result.truncation) result.truncation = { anchoredSeq: r.seq, chainEnd, anchoredAt: r.ts };
      else if (r.seq > result.truncation.anchoredSeq) result.truncation = { anchoredSeq: r.seq, chainEnd, anchoredAt: r.ts };
      continue;
    }
    const hash = r.seq === 0 ? r.head : hashAt(r.seq);
    if (hash === r.head) {
      if (!result.rewrite) lastGoodSeq = r.seq;
    } else if (!result.rewrite) {
      result.rewrite = { seq: r.seq, lastGoodSeq, anchoredAt: r.ts };
    }
  }
  return result;
}

/** The findings as Dutch sentences for the auditor (empty when the chain agrees with its anchors). */
export function anchorProblems(c: AnchorCheck): string[] {
  const out: string[] = [];
  if (c.rewrite) {
    out.push(`het log is herschreven: regel ${c.rewrite.seq} verschilt van het anker van ${c.rewrite.anchoredAt}` +
      (c.rewrite.lastGoodSeq ? ` (tot en met regel ${c.rewrite.lastGoodSeq} klopt het nog)` : ''));
  }
  if (c.truncation) {
    out.push(`het log is ingekort: het anker van ${c.truncation.anchoredAt} kent regel ${c.truncation.anchoredSeq}, de database eindigt bij regel ${c.truncation.chainEnd}`);
  }
  return out;
}
