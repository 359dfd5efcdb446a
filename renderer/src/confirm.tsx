import { Button, Group, Popover, Text, type ButtonProps } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';

/**
 * A button for an action that cannot be undone: the first press opens a confirmation right next
 * to it that says what will happen; only "confirm" there does it. Focus moves into the
 * confirmation and back to the button when it closes (Escape cancels).
 */
export function ConfirmButton({ children, question, confirmLabel, onConfirm, color, disabled, buttonProps }: {
  children: ReactNode;
  /** What will happen, in a sentence. */
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  color?: string;
  disabled?: boolean;
  buttonProps?: ButtonProps;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <Popover opened={open} onChange={setOpen} trapFocus returnFocus position="top-start" withArrow shadow="md" width={380}>
      <Popover.Target>
        <Button color={color} disabled={disabled} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-haspopup="dialog" {...buttonProps}>
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="alertdialog" aria-labelledby={`${id}-q`}>
        <Text id={`${id}-q`} size="sm" mb="sm">{question}</Text>
        <Group gap="xs">
          <Button color={color} loading={busy} data-autofocus onClick={async () => {
            setBusy(true);
            try { await onConfirm(); } finally { setBusy(false); setOpen(false); }
          }}>{confirmLabel}</Button>
          <Button variant="default" onClick={() => setOpen(false)}>Annuleren</Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
