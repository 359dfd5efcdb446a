import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { UnlockSchema, type UserInfo } from '../../../shared/schemas/admin';
import { call, showError } from '../api';
import { useT } from '../i18n';
import { FormStatus } from '../ui';

export function Login({ onUnlocked, lockedByIdle }: { onUnlocked: (u: UserInfo, gemeenteNaam: string, draftKey: string) => void; lockedByIdle: boolean }) {
  const { t } = useT();
  const form = useForm<z.input<typeof UnlockSchema>, unknown, z.output<typeof UnlockSchema>>({
    resolver: zodResolver(UnlockSchema),
    defaultValues: { username: '', password: '', totp: '' },
  });
  // The team server asks for the code from the authenticator app (error on field 'totp').
  const [needTotp, setNeedTotp] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    const res = await call('session.unlock', { ...values, totp: values.totp || undefined });
    if (res.ok) {
      form.reset({ username: '', password: '', totp: '' });
      setNeedTotp(false);
      onUnlocked(res.value.user, res.value.gemeenteNaam, res.value.draftKey);
    } else {
      if (res.error.field === 'totp') setNeedTotp(true);
      showError(form, res.error.field ? res.error : { ...res.error, field: 'password' });
    }
  });
  return (
    <Center mih="100vh" bg="gray.1">
      <main>
        <Paper shadow="sm" p="xl" w={420} withBorder>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Group justify="space-between">
                <Title order={1} size="h2">{t('loginTitle')}</Title>
              </Group>
              <Text size="sm">{t('loginIntro')}</Text>
              {lockedByIdle && <Alert color="yellow" role="status">{t('autoLocked')}</Alert>}
              <FormStatus form={form} />
              <TextInput label={t('username')} autoComplete="username" autoFocus required
                error={form.formState.errors.username?.message} {...form.register('username')} />
              <PasswordInput label={t('password')} autoComplete="current-password" required
                error={form.formState.errors.password?.message} {...form.register('password')} />
              {needTotp && (
                <TextInput label={t('totpCode')} description={t('totpCodeHelp')} autoComplete="one-time-code" inputMode="numeric" autoFocus
                  error={form.formState.errors.totp?.message} {...form.register('totp')} />
              )}
              <Button type="submit" loading={form.formState.isSubmitting}>{t('login')}</Button>
            </Stack>
          </form>
        </Paper>
      </main>
    </Center>
  );
}
