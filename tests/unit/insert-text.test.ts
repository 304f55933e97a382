// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { trackReplyBox } from '../../entrypoints/content/insert-text';

describe('inserting a talking point into the page’s reply box', () => {
  it('puts the text at the caret of the last focused text box, replacing a selection, with an input event', () => {
    document.body.innerHTML = '<textarea id="reply">您好，。祝好</textarea><input id="subject" type="text">';
    const reply = document.getElementById('reply') as HTMLTextAreaElement;
    const box = trackReplyBox(document);
    expect(box.insert('x')).toBe(false); // nothing focused yet
    reply.focus();
    reply.setSelectionRange(3, 4); // the "。"
    const inputs: string[] = [];
    reply.addEventListener('input', () => inputs.push(reply.value));
    (document.activeElement as HTMLElement).blur();
    expect(box.insert('新品到了')).toBe(true);
    expect(reply.value).toBe('您好，新品到了祝好');
    expect(inputs).toEqual(['您好，新品到了祝好']);
    box.stop();
  });

  it('ignores read-only boxes and stops listening when stopped', () => {
    document.body.innerHTML = '<textarea id="ro" readonly></textarea><textarea id="w"></textarea>';
    const box = trackReplyBox(document);
    (document.getElementById('ro') as HTMLTextAreaElement).focus();
    expect(box.insert('a')).toBe(false);
    box.stop();
    (document.getElementById('w') as HTMLTextAreaElement).focus();
    expect(box.insert('a')).toBe(false);
  });
});
