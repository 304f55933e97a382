import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ViewContext } from './types';
import { errorText } from './types';
import { Button, ErrorLine, inputClass, cx } from './ui';

/**
 * The quick note box (速记). Ctrl+Enter (⌘+Enter on a Mac) saves. The text leaves the box at once and
 * shows in the timeline; if saving fails it comes back into the box, so nothing typed is ever lost.
 */
export function QuickNote({
  ctx,
  isMac,
  onSave,
}: {
  ctx: ViewContext;
  isMac: boolean;
  onSave(text: string): Promise<void>;
}) {
  const { t } = ctx;
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  const save = () => {
    const note = text.trim();
    if (!note) return;
    setText('');
    setError(undefined);
    onSave(note).catch((err: unknown) => {
      // Put the text back in front of anything typed since, and say why.
      setText((current) => (current.trim() ? `${note}\n${current}` : note));
      setError(errorText(t, err));
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      save();
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  return (
    <form onSubmit={onSubmit} className="border-b border-slate-200 px-4 py-3">
      <label htmlFor={id} className="mb-2 block text-[12px] font-semibold tracking-wide text-slate-500">
        {t('panel.note.label')}
      </label>
      <textarea
        id={id}
        data-testid="quick-note"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('panel.note.placeholder')}
        aria-describedby={`${id}-hint`}
        className={cx(inputClass, 'min-h-[68px] resize-y leading-5')}
      />
      <div className="mt-1.5 flex items-center gap-2">
        <span id={`${id}-hint`} className="text-[11.5px] text-slate-400">
          {isMac ? t('panel.note.hintMac') : t('panel.note.hint')}
        </span>
        <Button type="submit" variant="secondary" className="ml-auto px-2.5 py-1 text-[12px]" disabled={!text.trim()}>
          {t('panel.note.save')}
        </Button>
      </div>
      {error && <ErrorLine>{error}</ErrorLine>}
    </form>
  );
}
