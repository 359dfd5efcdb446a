import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../api';

/** Change your own password: rewrites only your key slot (the database key itself stays). */
export function ChangePassword() {
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ field: 'old' | 'new' | 'repeat' | null; text: string } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (newPassword !== repeat) { setError({ field: 'repeat', text: 'De twee nieuwe wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord nog eens.' }); return; }
    setBusy(true);
    const r = await call('session.changePassword', { oldPassword, newPassword });
    setBusy(false);
    if (!r.ok) {
      setError({ field: r.error.field === 'oldPassword' ? 'old' : r.error.field === 'newPassword' ? 'new' : null, text: r.error.message });
      return;
    }
    setError(null);
    setOld(''); setNew(''); setRepeat('');
    setDone(true);
  };
  return (
    <>
      <Title order={1} size="h2" mb="md">Mijn wachtwoord wijzigen</Title>
      <Text mb="md" maw={640}>Kies een lang wachtwoord dat u nergens anders gebruikt, bijvoorbeeld vier losse woorden. Alleen uw eigen sleutel wordt opnieuw versleuteld; collega's merken er niets van.</Text>
      {done && <Alert color="green" role="status" mb="md">Uw wachtwoord is gewijzigd. Gebruik voortaan het nieuwe wachtwoord.</Alert>}
      {error && error.field === null && <Alert color="red" role="alert" mb="md">{error.text}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Wachtwoord wijzigen">
        <Stack maw={420}>
          <PasswordInput label="Huidig wachtwoord" required autoComplete="current-password" value={oldPassword} onChange={(e) => setOld(e.currentTarget.value)}
            error={error?.field === 'old' ? error.text : undefined} />
          <PasswordInput label="Nieuw wachtwoord" required autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.currentTarget.value)}
            error={error?.field === 'new' ? error.text : undefined} />
          <PasswordInput label="Nieuw wachtwoord nog eens" required autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)}
            error={error?.field === 'repeat' ? error.text : undefined} />
          <div><Button type="submit" loading={busy}>Wachtwoord wijzigen</Button></div>
        </Stack>
      </form>
    </>
  );
}
