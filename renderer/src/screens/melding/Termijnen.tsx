import { Button, Card, Group, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TermijnHervatSchema, TermijnOpschortSchema, TermijnVerlengSchema, type Termijn } from '../../../../shared/schemas/zaak';
import { wettelijkeTermijn } from '../../../../shared/termijnen';
import { todayIso } from '../../../../shared/today';
import { call, showError } from '../../api';
import { draftKey, useDraft } from '../../drafts';
import { fmtDate } from '../../format';
import { useSession } from '../../session';
import { errorAt, FormStatus, TermijnBadge } from '../../ui';
import { FormDateField } from '../../DateField';

const DONE = {
  verleng: 'De verlenging is vastgelegd; de nieuwe uiterste datum staat in de tabel.',
  schortOp: 'De opschorting is vastgelegd; de termijn staat stil tot hij wordt hervat.',
  hervat: 'De termijn loopt weer; de nieuwe uiterste datum staat in de tabel.',
} as const;

/** The legal clocks of the melding, with verlengen (Awb 4:14), opschorten (4:15) and hervatten. */
export function Termijnen({ termijnen, writer, onChanged }: { termijnen: Termijn[]; writer: boolean; onChanged: () => void }) {
  const [open, setOpen] = useState<{ id: number; kind: 'verleng' | 'schortOp' | 'hervat' } | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const status = useRef<HTMLSpanElement>(null);
  // The form closes after "Vastleggen": the confirmation stands where it was, and takes the focus.
  useEffect(() => { if (msg) status.current?.focus(); }, [msg]);
  if (termijnen.length === 0) return <Text>Geen termijnen.</Text>;
  return (
    <Stack>
      <Table>
        <Table.Thead><Table.Tr><Table.Th scope="col">Soort</Table.Th><Table.Th scope="col">Start</Table.Th><Table.Th scope="col">Uiterlijk</Table.Th><Table.Th scope="col">Status</Table.Th><Table.Th scope="col">Verlengd / opgeschort</Table.Th><Table.Th scope="col">Acties</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {termijnen.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.soort === 'onderzoek' ? 'Onderzoek' : 'Beschikking'} ({wettelijkeTermijn(t.wet, t.soort).weken} weken)</Table.Td>
              <Table.Td>{fmtDate(t.startdatum)}</Table.Td>
              <Table.Td>{fmtDate(t.uiterlijk)}</Table.Td>
              <Table.Td><TermijnBadge termijn={t} /></Table.Td>
              <Table.Td>
                {t.verlengingen.map((v, i) => <div key={`v${i}`}>+{v.dagen} dagen: {v.reden}</div>)}
                {t.opschortingen.map((o, i) => <div key={`o${i}`}>Opgeschort {fmtDate(o.van)}–{fmtDate(o.tot)}: {o.reden}</div>)}
              </Table.Td>
              <Table.Td>
                {writer && !t.afgerondOp && (
                  <Group gap={4}>
                    <Button size="compact-xs" variant="light" onClick={() => { setMsg(null); setOpen({ id: t.id, kind: 'verleng' }); }}>Verlengen</Button>
                    {t.opgeschort
                      ? <Button size="compact-xs" variant="light" onClick={() => { setMsg(null); setOpen({ id: t.id, kind: 'hervat' }); }}>Hervatten</Button>
                      : <Button size="compact-xs" variant="light" onClick={() => { setMsg(null); setOpen({ id: t.id, kind: 'schortOp' }); }}>Opschorten</Button>}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && <TermijnForm key={`${open.id}-${open.kind}`} {...open} onCancel={() => setOpen(null)}
        onDone={() => { setMsg(DONE[open.kind]); setOpen(null); onChanged(); }} />}
      <div><span ref={status} role="status" tabIndex={-1} className="melding-actionbar-notice" style={{ outline: 'none' }}>{open ? '' : msg}</span></div>
    </Stack>
  );
}

function TermijnForm({ id, kind, onDone, onCancel }: { id: number; kind: 'verleng' | 'schortOp' | 'hervat'; onDone: () => void; onCancel: () => void }) {
  const { user } = useSession();
  const schema = kind === 'verleng' ? TermijnVerlengSchema : kind === 'schortOp' ? TermijnOpschortSchema : TermijnHervatSchema;
  const defaults = kind === 'verleng' ? { termijnId: id, dagen: 14, reden: '' } : kind === 'schortOp' ? { termijnId: id, van: todayIso(), reden: '' } : { termijnId: id, tot: todayIso() };
  // One form for three schemas: the resolver is the channel's own schema.
  const form = useForm<Record<string, unknown>>({ resolver: zodResolver(schema as typeof TermijnVerlengSchema) as never, defaultValues: defaults });
  const draft = useDraft(form, draftKey(user.username, `termijn-${kind}`, id));
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = kind === 'verleng' ? await call('termijn.verleng', v as z.input<typeof TermijnVerlengSchema>)
      : kind === 'schortOp' ? await call('termijn.schortOp', v as z.input<typeof TermijnOpschortSchema>)
        : await call('termijn.hervat', v as z.input<typeof TermijnHervatSchema>);
    if (r.ok) { draft.clear(); onDone(); } else showError(form, r.error);
  });
  const title = kind === 'verleng' ? 'Termijn verlengen (Awb 4:14)' : kind === 'schortOp' ? 'Termijn opschorten (Awb 4:15)' : 'Termijn hervatten';
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label={title}>
      <Title order={3} size="h5" mb="xs">{title}</Title>
      <FormStatus form={form} restored={draft.restored} />
      <Group align="flex-start">
        {kind === 'verleng' && (
          <Controller control={form.control} name="dagen" render={({ field }) => (
            <NumberInput label="Aantal dagen" min={1} max={56} value={field.value as number} onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))} onBlur={field.onBlur} ref={field.ref} error={errorAt(e, 'dagen')} />
          )} />
        )}
        {kind === 'schortOp' && <FormDateField control={form.control} name="van" label="Opgeschort vanaf" required />}
        {kind === 'hervat' && <FormDateField control={form.control} name="tot" label="Hervat op" required />}
        {kind !== 'hervat' && <Textarea style={{ flex: 1 }} label="Reden (de cliënt krijgt die te horen)" autosize minRows={2} {...form.register('reden')} error={errorAt(e, 'reden')} />}
      </Group>
      <Group mt="sm"><Button type="submit">Vastleggen</Button><Button variant="subtle" onClick={onCancel}>Annuleren</Button></Group>
    </Card>
  );
}
