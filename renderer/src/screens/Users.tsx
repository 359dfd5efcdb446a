import { Alert, Badge, Button, Card, Checkbox, Group, PasswordInput, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CHANNELS } from '../../../shared/ipc/channels';
import { ROLE_LABELS, ROLES } from '../../../shared/roles';
import { UserAddSchema, type UserInfo } from '../../../shared/schemas/admin';
import { call, showError, useLoad } from '../api';
import { draftKey, useDraft } from '../drafts';
import { useT } from '../i18n';
import { useSession } from '../session';
import { errorAt, FormStatus, LoadError, WideTable } from '../ui';

export function Users() {
  const { t } = useT();
  const { data, error, reload } = useLoad('user.list', {});
  const [msg, setMsg] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [editFor, setEditFor] = useState<UserInfo | null>(null);
  const remove = async (u: UserInfo) => {
    if (!window.confirm(`Gebruiker ${u.username} (${u.displayName}) verwijderen? Het toegangslog blijft bewaard.`)) return;
    const r = await call('user.remove', { username: u.username });
    if (r.ok) { setMsg(`Gebruiker ${u.username} is verwijderd.`); void reload(); } else setErr(r.error.message);
  };
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('usersTitle')}</Title>
      <LoadError error={error} />
      {msg && <Alert color="green" role="status" mb="sm">{msg}</Alert>}
      {err && <Alert color="red" role="alert" mb="sm">{err}</Alert>}
      <WideTable label="Gebruikers">
      <Table striped mb="lg">
        <Table.Thead><Table.Tr><Table.Th scope="col">Gebruikersnaam</Table.Th><Table.Th scope="col">Naam</Table.Th><Table.Th scope="col">Rollen</Table.Th><Table.Th scope="col">Mandaat</Table.Th><Table.Th scope="col">Status</Table.Th><Table.Th scope="col">Acties</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data?.users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td><Table.Td>{u.displayName}</Table.Td>
              <Table.Td><Group gap={4}>{u.roles.map((r) => <Badge key={r} variant="light" color="indigo">{ROLE_LABELS[r]}</Badge>)}</Group></Table.Td>
              <Table.Td>{u.mandaat ?? '–'}</Table.Td><Table.Td>{u.active ? 'Actief' : 'Verwijderd'}</Table.Td>
              <Table.Td>
                {u.active && (
                  <Group gap={4}>
                    <Button size="compact-xs" variant="light" onClick={() => setEditFor(u)} aria-label={`Rollen en mandaat van ${u.username} wijzigen`}>Rollen en mandaat</Button>
                    <Button size="compact-xs" variant="light" onClick={() => setResetFor(u.username)}>Wachtwoord opnieuw instellen</Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(u)}>Verwijderen</Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      </WideTable>
      {editFor && <EditRoles key={editFor.username} user={editFor} onDone={(m) => { setEditFor(null); setMsg(m); void reload(); }} onCancel={() => setEditFor(null)} />}
      {resetFor && <ResetPassword key={resetFor} username={resetFor} onDone={(m) => { setResetFor(null); setMsg(m); }} onCancel={() => setResetFor(null)} />}
      <AddUser onAdded={(u) => { setMsg(`Gebruiker ${u.username} is toegevoegd.`); void reload(); }} />
    </>
  );
}

const ResetSchema = CHANNELS['user.resetPassword'].input;

function ResetPassword({ username, onDone, onCancel }: { username: string; onDone: (m: string) => void; onCancel: () => void }) {
  const form = useForm<z.input<typeof ResetSchema>>({ resolver: zodResolver(ResetSchema), defaultValues: { username, password: '' } });
  const submit = form.handleSubmit(async (v) => {
    const r = await call('user.resetPassword', v);
    if (r.ok) onDone(`Het wachtwoord van ${username} is opnieuw ingesteld. Geef het persoonlijk door.`);
    else showError(form, r.error);
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate mb="lg" aria-label={`Wachtwoord van ${username}`}>
      <Title order={2} size="h4" mb="sm">Nieuw wachtwoord voor {username}</Title>
      <FormStatus form={form} />
      <Group align="flex-end">
        <PasswordInput label="Nieuw wachtwoord (minstens 12 tekens)" autoComplete="new-password" w={320} {...form.register('password')} error={errorAt(form.formState.errors, 'password')} />
        <Button type="submit">Instellen</Button>
        <Button variant="subtle" onClick={onCancel}>Annuleren</Button>
      </Group>
    </Card>
  );
}

type AddIn = z.input<typeof UserAddSchema>;

function AddUser({ onAdded }: { onAdded: (u: UserInfo) => void }) {
  const { user } = useSession();
  const empty: AddIn = { username: '', displayName: '', roles: [], mandaat: null, password: '' };
  const form = useForm<AddIn, unknown, z.output<typeof UserAddSchema>>({ resolver: zodResolver(UserAddSchema), defaultValues: empty });
  // The password never goes into a draft: only the other fields are kept.
  const draft = useDraft(form, draftKey(user.username, 'gebruiker', 'nieuw'), { exclude: ['password'] });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('user.add', v);
    if (r.ok) { draft.clear(); form.reset(empty); onAdded(r.value); } else showError(form, r.error);
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Gebruiker toevoegen">
      <Title order={2} size="h4" mb="sm">Gebruiker toevoegen</Title>
      <FormStatus form={form} restored={draft.restored} />
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Gebruikersnaam" required autoComplete="off" {...form.register('username')} error={errorAt(e, 'username')} />
          <TextInput label="Naam" required {...form.register('displayName')} error={errorAt(e, 'displayName')} />
        </SimpleGrid>
        <Controller control={form.control} name="roles" render={({ field }) => (
          <Checkbox.Group label="Rollen" required value={field.value} onChange={field.onChange} error={errorAt(e, 'roles')}>
            <Group mt={4}>{ROLES.map((r) => <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />)}</Group>
          </Checkbox.Group>
        )} />
        <TextInput label="Mandaat (alleen voor besluitbevoegden)" description="bijv. Mandaatbesluit Wmo 2026" {...form.register('mandaat', { setValueAs: (v) => v || null })} error={errorAt(e, 'mandaat')} />
        <PasswordInput label="Eerste wachtwoord (minstens 12 tekens)" required autoComplete="new-password" {...form.register('password')} error={errorAt(e, 'password')} />
        <div><Button type="submit">Toevoegen</Button></div>
      </Stack>
    </Card>
  );
}

/** Roles and mandate of a colleague; the router refuses an auditor with another role, a besluitbevoegde without mandate, and removing the last beheerder. */
function EditRoles({ user, onDone, onCancel }: { user: UserInfo; onDone: (m: string) => void; onCancel: () => void }) {
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [mandaat, setMandaat] = useState(user.mandaat ?? '');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await call('user.update', { username: user.username, roles: roles as UserInfo['roles'], mandaat: mandaat || null });
    if (r.ok) onDone(`De rollen van ${user.username} zijn gewijzigd: ${r.value.roles.map((x) => ROLE_LABELS[x]).join(', ')}. Dit geldt vanaf haar of zijn volgende handeling.`);
    else setError(r.error);
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => void save(e)} noValidate mb="lg" aria-label={`Rollen van ${user.username}`}>
      <Title order={2} size="h4" mb="sm">Rollen en mandaat van {user.displayName} ({user.username})</Title>
      {error && !error.field && <Alert color="red" role="alert" mb="sm">{error.message}</Alert>}
      <Checkbox.Group label="Rollen" value={roles} onChange={setRoles} error={error?.field === 'roles' ? error.message : undefined}>
        <Group mt={4}>{ROLES.map((r) => <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />)}</Group>
      </Checkbox.Group>
      <TextInput mt="sm" label="Mandaat" description="Het mandaatbesluit waarmee deze besluitbevoegde beschikkingen vaststelt" value={mandaat}
        onChange={(e) => setMandaat(e.currentTarget.value)} error={error?.field === 'mandaat' ? error.message : undefined} maw={520} />
      <Group mt="sm"><Button type="submit">Rollen opslaan</Button><Button variant="subtle" onClick={onCancel}>Annuleren</Button></Group>
    </Card>
  );
}
