/**
 * "Insert into the reply" for talking points (issue 5): the panel is another document, so clicking it
 * takes the focus from the page's reply box; this remembers the last text box that had it in this frame
 * and puts the text at its caret (replacing a selection), the way typing would, so the webmail's own
 * editor sees an ordinary input event.
 */
type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUTS = new Set(['text', 'search', 'email', '']);

function editableOf(target: EventTarget | null): Editable | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  if (target instanceof HTMLTextAreaElement) return target.readOnly || target.disabled ? undefined : target;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type) && !target.readOnly && !target.disabled ? target : undefined;
  return target.isContentEditable ? target : undefined;
}

export function trackReplyBox(doc: Document): { insert(text: string): boolean; stop(): void } {
  let last: Editable | undefined;
  let range: Range | undefined;
  const onFocus = (e: FocusEvent) => {
    const el = editableOf(e.target);
    if (el) last = el;
  };
  // A rich editor's caret is a DOM range; remember it once, as the focus leaves for the panel (not on
  // every selection change: this runs on every page).
  const onBlur = (e: FocusEvent) => {
    const sel = doc.getSelection();
    if (e.target === last && last.isContentEditable && sel?.rangeCount && last.contains(sel.anchorNode)) range = sel.getRangeAt(0).cloneRange();
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('focusout', onBlur, true);

  return {
    insert(text) {
      if (!last || !last.isConnected) return false;
      if (last instanceof HTMLTextAreaElement || last instanceof HTMLInputElement) {
        const start = last.selectionStart ?? last.value.length;
        const end = last.selectionEnd ?? start;
        last.focus();
        last.setRangeText(text, start, end, 'end');
        last.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
        return true;
      }
      last.focus();
      const sel = doc.getSelection();
      if (sel && range && last.contains(range.startContainer)) {
        sel.removeAllRanges();
        sel.addRange(range);
      }
      // execCommand keeps the editor's undo stack and fires its input events; deprecated but universal.
      if (!doc.execCommand('insertText', false, text)) last.append(doc.createTextNode(text));
      return true;
    },
    stop() {
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('focusout', onBlur, true);
    },
  };
}
