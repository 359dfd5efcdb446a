import { Anchor, Badge, Button, Popover, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Notificatie } from '../../shared/ipc/desk-channels';
import { call } from './api';
import { fmtDateTime } from './format';

const SOORT: Record<Notificatie['soort'], { label: string; color: string }> = {
  teruggestuurd: { label: 'Teruggestuurd', color: '#9a4300' },
  vastgesteld: { label: 'Vastgesteld', color: '#1e6b30' },
  termijn: { label: 'Termijn', color: '#b01c1c' },
};

/**
 * "Berichten" in the header: concepts sent back, decisions fixed, terms about to run out. Opening
 * the list marks the stored ones read; deadline warnings stay while they hold.
 */
export function Notificaties({ path }: { path: string }) {
  const [items, setItems] = useState<Notificatie[]>([]);
  const [ongelezen, setOngelezen] = useState(0);
  const [open, setOpen] = useState(false);
  const load = useCallback(async () => {
    const r = await call('notificatie.list', {});
    if (r.ok) { setItems(r.value.items); setOngelezen(r.value.ongelezen); }
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 60_000);
    return () => clearInterval(timer);
  }, [load, path]);
  const toggle = async () => {
    const opening = !open;
    setOpen(opening);
    const unread = items.filter((n) => n.id !== null && !n.gelezen).map((n) => n.id!);
    if (opening && unread.length) {
      await call('notificatie.gelezen', { ids: unread });
      setOngelezen((x) => Math.max(0, x - unread.length));
    }
  };
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" width={420} shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button size="compact-sm" variant={ongelezen ? 'filled' : 'outline'} onClick={() => void toggle()} aria-expanded={open} aria-haspopup="dialog">
          Berichten{ongelezen ? ` (${ongelezen} nieuw)` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label="Berichten">
        {items.length === 0 ? <Text size="sm">Geen berichten.</Text> : (
          <Stack gap="xs" mah={420} style={{ overflowY: 'auto' }}>
            {items.map((n, i) => (
              <div key={n.id ?? `t${i}`}>
                <Badge color={SOORT[n.soort].color} size="sm" mr={6} style={{ whiteSpace: 'normal', height: 'auto' }}>{SOORT[n.soort].label}</Badge>
                {!n.gelezen && n.id !== null && <Badge size="sm" variant="outline" color="dark" mr={6}>nieuw</Badge>}
                <Text size="sm" span>{n.tekst}</Text>
                <Text size="xs" c="dimmed">
                  {n.soort !== 'termijn' && `${fmtDateTime(n.op)} · `}
                  {n.meldingId !== null && <Anchor size="xs" href={`#/melding/${n.meldingId}`} onClick={() => setOpen(false)}>melding openen</Anchor>}
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
