import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { ConfirmButton } from '../confirm';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CHANNELS } from '../../../shared/ipc/channels';
import type { AccorderingItem } from '../../../shared/schemas/zaak';
import { call, showError, useLoad } from '../api';
import { draftKey, useDraft } from '../drafts';
import { fmtDate } from '../format';
import { useT } from '../i18n';
import { useSession } from '../session';
import { FormStatus, LoadError, Pager, TermijnBadge } from '../ui';
import { LetterPreview } from './LetterPreview';
import { SOORT_LABELS, STATUS_LABELS } from './labels';

export function Accordering() {
  const { t } = useT();
  const [pagina, setPagina] = useState(1);
  const { data, error, reload } = useLoad('accordering.queue', { pagina });
  const [done, setDone] = useState<string | null>(null);
  const pages = data ? Math.max(1, Math.ceil(data.totaal / data.perPagina)) : 1;
  return (
    <>
      <Title order={1} size="h2" mb="xs">{t('navAccordering')}</Title>
      {data && <Text mb="md">{data.totaal === 1 ? '1 besluit wacht' : `${data.totaal} besluiten wachten`} op uw besluit (uiterste beslisdatum eerst){pages > 1 ? `; u ziet ${(data.pagina - 1) * data.perPagina + 1}–${(data.pagina - 1) * data.perPagina + data.items.length}` : ''}.</Text>}
      <LoadError error={error} />
      {/* Stays in view while the list below changes: the message never scrolls away from the work. */}
      {done && <Alert color="green" role="status" mb="md" style={{ position: 'sticky', top: 64, zIndex: 5 }} withCloseButton onClose={() => setDone(null)}>{done}</Alert>}
      {data && data.items.length === 0 && <Text>{t('queueEmpty')}</Text>}
      <Stack>
        {data?.items.map((b) => (
          <AccorderItem key={b.id} b={b} onDone={(msg) => { setDone(msg); void reload(); }} />
        ))}
      </Stack>
      {pages > 1 && (
        <Pager mt="md" total={pages} value={data?.pagina ?? pagina} onChange={setPagina} />
      )}
    </>
  );
}

const RejectSchema = CHANNELS['beschikking.reject'].input;

function AccorderItem({ b, onDone }: { b: AccorderingItem; onDone: (msg: string) => void }) {
  const { t } = useT();
  const { user } = useSession();
  const [show, setShow] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const form = useForm<z.input<typeof RejectSchema>, unknown, z.output<typeof RejectSchema>>({
    resolver: zodResolver(RejectSchema), defaultValues: { id: b.id, reden: '' },
  });
  const draft = useDraft(form, draftKey(user.username, 'afwijzen', b.id));
  const approve = async () => {
    const r = await call('beschikking.approve', { id: b.id });
    if (r.ok) onDone(`Besluit ${r.value.kenmerk} voor ${r.value.clientNaam} is vastgesteld.`);
    else setErr(r.error.message);
  };
  const reject = form.handleSubmit(async (v) => {
    const r = await call('beschikking.reject', v);
    if (r.ok) {
      draft.clear();
      onDone(`Besluit ${b.kenmerk} is teruggestuurd naar ${b.auteur}.`);
    } else showError(form, r.error);
  });
  return (
    <Card withBorder component="article" aria-label={`${b.kenmerk} ${b.clientNaam}`}>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h4">{b.clientNaam} · {b.kenmerk}</Title>
          <Text size="sm">Soort: {SOORT_LABELS[b.soort]} · Opgesteld door {b.auteur} · <Anchor href={`#/melding/${b.meldingId}`}>melding en gespreksverslag openen</Anchor></Text>
        </div>
        <Group gap="xs">
          <TermijnBadge termijn={b.beslistermijn} />
          <Badge>{STATUS_LABELS[b.status]}</Badge>
        </Group>
      </Group>
      {b.beslistermijn?.uiterlijk && <Text size="sm">Uiterste beslisdatum: {fmtDate(b.beslistermijn.uiterlijk)}</Text>}
      <Text mt="sm"><strong>Besluit:</strong> {b.besluitTekst}</Text>
      {b.indicaties.map((i) => (
        <Text key={i.id} size="sm">Voorziening: {i.productcategorieLabel}{i.omvangTekst ? `, ${i.omvangTekst}` : ''} ({i.leveringsvorm})</Text>
      ))}
      {err && <Alert color="red" role="alert" mt="sm">{err}</Alert>}
      <Group mt="md">
        <ConfirmButton confirmLabel="Ja, vaststellen" onConfirm={approve}
          question={`Besluit ${b.kenmerk} voor ${b.clientNaam} vaststellen? Het besluit verandert daarna niet meer en gaat naar de printwachtrij van de administratie.`}>
          {t('approve')}
        </ConfirmButton>
        <Button variant="outline" color="red" onClick={() => setRejecting((x) => !x)} aria-expanded={rejecting}>{t('reject')}</Button>
        <Button variant="subtle" onClick={() => setShow((x) => !x)} aria-expanded={show}>{show ? t('hideLetter') : t('showLetter')}</Button>
      </Group>
      {rejecting && (
        <form onSubmit={reject} noValidate style={{ marginTop: 12 }}>
          <FormStatus form={form} restored={draft.restored} />
          <Textarea label={t('rejectReason')} required autosize minRows={2}
            error={form.formState.errors.reden?.message} {...form.register('reden')} />
          <Button type="submit" mt="sm" color="red">{t('reject')}</Button>
        </form>
      )}
      {show && <div style={{ marginTop: 12 }}><LetterPreview beschikkingId={b.id} /></div>}
    </Card>
  );
}
