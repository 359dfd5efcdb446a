import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useSession } from './session';

/**
 * Nothing a person typed is lost: every change to a form is written at once, keyed per user +
 * form + record, restored when the form opens again (after a reload, a crash or an auto-lock),
 * and removed after a successful save.
 *
 * Drafts hold health data (hulpvraag, gespreksverslag), so they are stored only as AES-256-GCM
 * ciphertext. The key is the user's draft key from the encrypted database (session.unlock /
 * session.current): without unlocking, the stored drafts are unreadable.
 */
const PREFIX = 'loket:draft:';

export function draftKey(user: string, form: string, record: string | number = 'nieuw'): string {
  return `${PREFIX}${user}:${form}:${record}`;
}

export function importDraftKey(base64: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const toB64 = (b: Uint8Array) => btoa(Array.from(b, (x) => String.fromCharCode(x)).join(''));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function sealDraft(key: CryptoKey, storageKey: string, values: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The storage key is bound in, so a draft cannot be moved to another form or record.
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(storageKey) }, key,
    new TextEncoder().encode(JSON.stringify({ savedAt: new Date().toISOString(), values })));
  return JSON.stringify({ v: 1, iv: toB64(iv), ct: toB64(new Uint8Array(ct)) });
}

async function openDraft<T>(key: CryptoKey, storageKey: string): Promise<Partial<T> | null> {
  try {
    const stored = localStorage.getItem(storageKey);
    if (!stored) return null;
    const { v, iv, ct } = JSON.parse(stored) as { v: number; iv: string; ct: string };
    if (v !== 1) return null;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromB64(iv), additionalData: new TextEncoder().encode(storageKey) }, key, fromB64(ct));
    return (JSON.parse(new TextDecoder().decode(plain)) as { values: Partial<T> }).values;
  } catch {
    return null; // another key (a rekeyed database), or damaged: nothing to restore
  }
}

export function useDraft<T extends FieldValues, R>(form: UseFormReturn<T, unknown, R>, key: string, options: { exclude?: string[] } = {}) {
  const { draftKey: cryptoKey } = useSession();
  const exclude = options.exclude ?? [];
  const [restored, setRestored] = useState(false);
  const keyRef = useRef(key);
  keyRef.current = key;
  // Encryption is asynchronous: only the newest change may land, and nothing after clear().
  const seq = useRef(0);

  useEffect(() => {
    let live = true;
    void openDraft<T>(cryptoKey, key).then((draft) => {
      if (!live) return;
      if (draft) {
        form.reset({ ...form.getValues(), ...draft } as T, { keepDefaultValues: true });
        setRestored(true);
      } else {
        setRestored(false);
      }
    });
    const sub = form.watch((values, info) => {
      // Only real edits (reset() has no field name): a reset after saving must not re-save.
      if (!info.name) return;
      const kept: Record<string, unknown> = { ...(values as Record<string, unknown>) };
      for (const f of exclude) delete kept[f];
      const mine = ++seq.current;
      const storageKey = keyRef.current;
      void sealDraft(cryptoKey, storageKey, kept).then((sealed) => {
        if (mine !== seq.current) return;
        try {
          localStorage.setItem(storageKey, sealed);
        } catch {
          // Storage full or unavailable: nothing sensible to do here; the form still works.
        }
      });
    });
    return () => {
      live = false;
      sub.unsubscribe();
    };
  }, [key, cryptoKey]);

  const clear = useCallback(() => {
    seq.current++;
    localStorage.removeItem(keyRef.current);
    setRestored(false);
  }, []);

  return { restored, clear };
}
