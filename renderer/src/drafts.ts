import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * Nothing a person typed is lost: every change to a form is written to localStorage at once,
 * keyed per user + form + record, restored when the form opens again (after a reload, a crash or
 * an auto-lock), and removed after a successful save.
 *
 * NOTE: drafts can hold health data (hulpvraag, gespreksverslag). localStorage lives in the
 * Electron user profile, unencrypted, outside the SQLCipher database. Accepted for now; a later
 * step should keep drafts in the encrypted store.
 */
const PREFIX = 'loket:draft:';

export function draftKey(user: string, form: string, record: string | number = 'nieuw'): string {
  return `${PREFIX}${user}:${form}:${record}`;
}

export function readDraft<T>(key: string): Partial<T> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { values: Partial<T> }).values : null;
  } catch {
    return null;
  }
}

export function useDraft<T extends FieldValues>(form: UseFormReturn<T, unknown, any>, key: string, options: { exclude?: string[] } = {}) {
  const exclude = options.exclude ?? [];
  const [restored, setRestored] = useState(false);
  const keyRef = useRef(key);
  keyRef.current = key;

  useEffect(() => {
    const draft = readDraft<T>(key);
    if (draft) {
      form.reset({ ...form.getValues(), ...draft } as T, { keepDefaultValues: true });
      setRestored(true);
    } else {
      setRestored(false);
    }
    const sub = form.watch((values, info) => {
      // Only real edits (reset() has no field name): a reset after saving must not re-save.
      if (!info.name) return;
      try {
        const kept: Record<string, unknown> = { ...(values as Record<string, unknown>) };
        for (const f of exclude) delete kept[f];
        localStorage.setItem(keyRef.current, JSON.stringify({ savedAt: new Date().toISOString(), values: kept }));
      } catch {
        // Storage full or unavailable: nothing sensible to do here; the form still works.
      }
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const clear = useCallback(() => {
    localStorage.removeItem(keyRef.current);
    setRestored(false);
  }, []);

  return { restored, clear };
}
