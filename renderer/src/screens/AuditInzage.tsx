import { Alert, Button, Code, Stack, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CHANNELS } from '../../../shared/ipc/channels';
import { call, showError, useLoad } from '../api';
import { errorAt, FormStatus } from '../ui';
import { InzageVerzoeken } from './InzageVerzoeken';

const InzageSchema = CHANNELS['audit.inzage'].input;

/**
 * The auditor sees the log and metadata; a client's dossier opens only with a reason, which the
 * access log keeps against the client (issue 15, least privilege).
 */
export function AuditInzage({ clientId }: { clientId: number }) {
  const [dossier, setDossier] = useState<string | null>(null);
  // The name as the auditor sees it in the access log (metadata), not the internal number.
  const naam = useLoad('audit.list', { clientId, limit: 1 }).data?.entries[0]?.clientNaam ?? null;
  const form = useForm<z.input<typeof InzageSchema>, unknown, z.output<typeof InzageSchema>>({
    resolver: zodResolver(InzageSchema), defaultValues: { clientId, reden: '' },
  });
  const e = form.formState.errors;
  return (
    <Stack>
      <Title order={1} size="h2">{naam ?? 'Cliënt'}: inzage met reden</Title>
      <Alert color="blue">
        Als auditor ziet u het toegangslog en de metagegevens. Het dossier zelf opent u alleen met een reden;
        die komt in het toegangslog bij deze cliënt.
      </Alert>
      <InzageVerzoeken clientId={clientId} mayRegister={false} mayExport />
      <Title order={2} size="h3">Dossier inzien met reden</Title>
      {dossier === null ? (
        <form aria-label="Inzage met reden" onSubmit={form.handleSubmit(async (v) => {
          const r = await call('audit.inzage', v);
          if (r.ok) setDossier(r.value.json);
          else showError(form, r.error);
        })}>
          <FormStatus form={form} />
          <Textarea label="Reden van de inzage" description="Bijvoorbeeld het kenmerk van de klacht of het onderzoek." autosize minRows={2}
            {...form.register('reden')} error={errorAt(e, 'reden')} />
          <Button type="submit" mt="sm" loading={form.formState.isSubmitting}>Dossier inzien</Button>
        </form>
      ) : (
        <>
          <Text>Het dossier zoals Sociaal Loket het bewaart (vastgelegd in het toegangslog):</Text>
          <Code block style={{ maxHeight: '70vh', overflow: 'auto' }}>{dossier}</Code>
        </>
      )}
    </Stack>
  );
}
