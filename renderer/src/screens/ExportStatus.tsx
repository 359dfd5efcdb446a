import { Alert, Text, Title } from '@mantine/core';
import { useT } from '../i18n';

/** No export channel exists in shared/ipc/channels.ts yet: say so plainly. */
export function ExportStatus() {
  const { t } = useT();
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('exportTitle')}</Title>
      <Alert color="gray" role="status" title={t('exportNotSet')}>
        <Text>Besluiten worden nog niet automatisch naar het zaaksysteem (ZGW) of via iWmo naar aanbieders gestuurd vanuit dit scherm.</Text>
      </Alert>
    </>
  );
}
