import { Group } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * The step's actions, stuck to the bottom of the window while its form scrolls: the primary
 * action first, and the confirmation of what was just done right next to the buttons (not far
 * above them at the top of a long form).
 */
export function ActionBar({ children, notice, hint }: { children: ReactNode; notice?: string | null; hint?: string }) {
  return (
    <div className="melding-actionbar">
      <Group gap="sm" wrap="wrap" align="center">
        {children}
        {/* Always in the page (empty when there is nothing to say), so screen readers announce it. */}
        <span role="status" className="melding-actionbar-notice">{notice ? <><span aria-hidden="true">✓ </span>{notice}</> : null}</span>
        {hint && !notice && <span className="melding-actionbar-hint">{hint}</span>}
      </Group>
    </div>
  );
}

/**
 * Ctrl+Enter (⌘+Enter) in a text area submits the step's form, as Enter does in a one-line
 * field: a long answer can be finished and saved without tabbing through the rest of the form.
 */
export function submitOnCtrlEnter(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}

export const CTRL_ENTER_HINT = 'Ctrl+Enter in een tekstvak slaat op';
