import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { PanelTranslate } from '../../lib/i18n/panel-bundle';
import { errorText } from './types';

/**
 * What the panel's small forms share (visit, need, need step, task): one save at a time, the failure
 * shown in the form with what was typed kept, submit and Ctrl/⌘+Enter (not while an input method is
 * composing) to save, and Escape to close, only when `untouched`, so a stray key loses nothing typed.
 */
export function usePanelForm({
  t,
  untouched,
  close,
}: {
  t: PanelTranslate;
  /** Whether Escape may close the form (nothing typed yet, or the form holds nothing worth keeping). */
  untouched: boolean;
  close(): void;
}) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  /** Runs a write: `write` returns false when it refused before writing (it has set its own message). */
  const run = async (write: () => Promise<boolean | void>, after?: () => void) => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      if ((await write()) === false) return setSaving(false);
      after?.();
    } catch (err) {
      setError(errorText(t, err));
      setSaving(false);
    }
  };

  const handlers = (save: () => void) => ({
    onSubmit: (e: FormEvent) => {
      e.preventDefault();
      save();
    },
    onKeyDown: (e: KeyboardEvent<HTMLFormElement>) => {
      if (e.key === 'Escape' && !saving && untouched) {
        e.preventDefault();
        close();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
        e.preventDefault();
        save();
      }
    },
  });

  return { saving, error, setError, run, handlers };
}
