import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { LoketApi } from '../../shared/ipc/api';
import type { CallResult, ChannelInput, ChannelName, ChannelOutput, LoketCall } from '../../shared/ipc/channels';
import { createRemoteCall } from '../../shared/ipc/remote';

export type CallError = { code: string; message: string; field?: string };

/**
 * The transport: the Electron preload's bridge (or the test bridge) when there is one; otherwise
 * this page was served by the team server, and calls go to it over HTTPS with the session cookie
 * and a CSRF header. Nothing else in the renderer knows which one it has.
 */
let transport: LoketCall | null = null;
function loketCall(): LoketCall {
  transport ??= (window as { loket?: LoketApi }).loket?.call
    ?? createRemoteCall({ base: '', mode: 'cookie', fetch: (url, init) => window.fetch(url, init) });
  return transport;
}

/** One call through the transport, never throwing: a broken bridge becomes a Dutch error like any other. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<CallResult<C>> {
  try {
    return await loketCall()(channel, input);
  } catch {
    return { ok: false, error: { code: 'intern', message: 'Sociaal Loket reageert niet. Wacht even en probeer het opnieuw; uw invoer is bewaard.' } };
  }
}

/** Loads a channel's output when `input` changes (compared as JSON). */
export function useLoad<C extends ChannelName>(channel: C, input: ChannelInput<C> | null) {
  const [data, setData] = useState<ChannelOutput<C> | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    if (input === null) return;
    const mine = ++seq.current;
    setLoading(true);
    const res = await call(channel, input);
    if (mine !== seq.current) return;
    if (res.ok) {
      setData(res.value);
      setError(null);
    } else {
      setError(res.error);
    }
    setLoading(false);
  }, [channel, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}

/**
 * Shows a router error where it belongs: next to the named field when the form has it
 * (`omvang.volume`, `bsn`, `wettelijkeGrondslag.0`), otherwise at the top of the form.
 */
export function showError<T extends FieldValues, R>(form: UseFormReturn<T, unknown, R>, error: CallError): void {
  const field = error.field;
  if (field) {
    const top = field.split('.')[0]!;
    const values = form.getValues() as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(values, top)) {
      const known = form.getValues(field as Path<T>) !== undefined ? field : top;
      form.setError(known as Path<T>, { type: 'server', message: error.message }, { shouldFocus: true });
      return;
    }
  }
  form.setError('root.server' as Path<T>, { type: 'server', message: error.message });
}

export function base64ToBlob(b64: string, type = 'application/pdf'): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** A blob: URL for a PDF, revoked when it changes or the component goes away. */
export function usePdfUrl(b64: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!b64) {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(base64ToBlob(b64));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [b64]);
  return url;
}
