import { pickerMessages } from '../i18n/rules';
import type { RuleTarget } from '../model/rules';
import { checkDraft, proposeRule, type RuleDraft } from './propose';

/**
 * The teach-this-page picker, injected into the active tab by entrypoints/teach-picker.ts. Framework-free
 * and self-contained: its UI lives in a closed shadow root with its own styles (the page's CSS cannot
 * reach in, ours cannot leak out), it never changes the page's elements, and `stop()` removes every
 * listener and element it added. Text goes in through textContent only.
 */

export type PickerLocale = 'zh-CN' | 'en';
type PickerKey = keyof typeof pickerMessages;

export interface PickerOptions {
  locale: PickerLocale;
  /** Sends `{ type: 'rules/save', rule }` to the background and resolves with its reply. */
  send: (message: { type: 'rules/save'; rule: RuleDraft }) => Promise<unknown>;
  /** The settings' customer-code pattern, so such codes are recognised when guessing the kind. */
  customerCodePattern?: string;
  /** Called once the picker is gone (saved and closed, or cancelled). */
  onDone?: (outcome: 'saved' | 'cancelled') => void;
  /** Defaults to the global document (tests pass their own window). */
  win?: Window;
  /** How long the "saved" message stays before the picker closes itself; 0 keeps it open. */
  closeAfterSaveMs?: number;
}

export interface PickerHandle {
  /** Removes everything the picker added. Safe to call twice. */
  stop(): void;
  /** The picker's closed shadow root: for tests, never handed to the page. */
  readonly shadow: ShadowRoot;
  readonly host: HTMLElement;
}

const GUARD = '__accountLensTeachPicker';
const TARGETS: RuleTarget[] = ['customerCode', 'licence', 'uscc', 'mobile', 'email', 'name'];
const MAX_MARKS = 20;

const CSS = `
.ui { font: 13px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #0f172a; }
* { box-sizing: border-box; }
.box { position: fixed; pointer-events: none; border: 2px solid #2563eb; background: rgba(37,99,235,.10); border-radius: 3px; display: none; }
.box.other { border-style: dashed; border-color: #d97706; background: rgba(217,119,6,.08); }
.tip { position: fixed; pointer-events: none; display: none; max-width: 360px; padding: 2px 6px; border-radius: 4px; background: #1e3a8a; color: #fff;
  font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.banner { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); display: flex; align-items: center; gap: 12px; max-width: calc(100vw - 24px);
  padding: 10px 14px; border-radius: 10px; background: #1d4ed8; color: #fff; box-shadow: 0 8px 24px rgba(15,23,42,.25); pointer-events: auto; }
.banner .hint { opacity: .8; font-size: 12px; white-space: nowrap; }
button { font: inherit; cursor: pointer; padding: 5px 12px; border-radius: 6px; border: 1px solid #cbd5e1; background: #fff; color: #0f172a; }
button:hover { background: #f8fafc; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #93c5fd; outline-offset: 1px; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button.primary:hover { background: #1e40af; }
button:disabled { opacity: .5; cursor: default; }
.banner button { background: rgba(255,255,255,.15); border-color: rgba(255,255,255,.45); color: #fff; }
.card { position: fixed; right: 16px; bottom: 16px; width: 400px; max-width: calc(100vw - 32px); max-height: calc(100vh - 32px); overflow: auto;
  padding: 16px; border: 1px solid #e2e8f0; border-radius: 12px; background: #fff; box-shadow: 0 12px 32px rgba(15,23,42,.2); pointer-events: auto; }
.card h2 { margin: 0 0 6px; font-size: 15px; font-weight: 600; }
.card label { display: block; margin: 10px 0 4px; font-weight: 500; color: #334155; }
.card input, .card select { display: block; width: 100%; padding: 6px 8px; border: 1px solid #cbd5e1; border-radius: 6px; background: #fff; color: #0f172a; font: inherit; }
.card input.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.note { margin-top: 3px; font-size: 12px; color: #64748b; }
.note.bad { color: #b91c1c; } .note.warn { color: #b45309; }
.preview { margin-top: 12px; padding: 10px; border-radius: 8px; background: #eff6ff; }
.preview.bad { background: #fef2f2; color: #991b1b; }
.preview .value { display: inline-block; margin: 4px 4px 0 0; padding: 1px 6px; border-radius: 4px; background: #dbeafe; color: #1e3a8a;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 14px; }
.status { margin-top: 10px; font-size: 13px; }
.status.bad { color: #b91c1c; } .status.good { color: #047857; }
`;

function translator(locale: PickerLocale) {
  return (key: PickerKey, params?: Record<string, string | number>) => {
    let s: string = pickerMessages[key][locale];
    if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

/** Starts the picker unless one is already running in this window (the script may be injected twice). */
export function startPicker(options: PickerOptions): PickerHandle {
  const win = options.win ?? window;
  const existing = (win as unknown as Record<string, PickerHandle | undefined>)[GUARD];
  if (existing) return existing;

  const doc = win.document;
  const t = translator(options.locale);
  const disposers: (() => void)[] = [];
  const timers = new Set<number>();
  let raf = 0;
  let stopped = false;

  // `any`: each caller knows its own event type.
  const listen = (target: EventTarget, type: string, fn: (e: any) => void, opts: AddEventListenerOptions | boolean) => {
    target.addEventListener(type, fn, opts);
    const off = () => target.removeEventListener(type, fn, opts);
    disposers.push(off);
    return off;
  };
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // ---- host, shadow root, styles -------------------------------------------------------------------
  const host = doc.createElement('account-lens-teach');
  // Inline !important beats any page rule that matches the host itself (`* { … }`); CSSOM, so CSP allows it.
  for (const [p, v] of [['all', 'initial'], ['position', 'fixed'], ['top', '0'], ['left', '0'], ['width', '0'], ['height', '0'], ['z-index', '2147483647']])
    host.style.setProperty(p, v, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  let sheetAdopted = false;
  try {
    // A constructed sheet is not subject to the page's style-src CSP, unlike a <style> element.
    const sheet = new (win as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
    sheetAdopted = true;
  } catch {
    /* older engines: fall back to a style element */
  }
  if (!sheetAdopted) shadow.append(el('style', undefined, CSS));
  const ui = el('div', 'ui');
  shadow.append(ui);

  const hoverBox = el('div', 'box');
  const tip = el('div', 'tip');
  const marks = el('div');
  ui.append(marks, hoverBox, tip);

  // Keys and clicks inside our UI must not reach the page's own shortcuts and "click outside" handlers.
  for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input', 'focusin', 'focusout'])
    listen(shadow, type, (e: Event) => e.stopPropagation(), false);

  // ---- banner --------------------------------------------------------------------------------------
  const banner = el('div', 'banner');
  banner.setAttribute('role', 'status');
  const bannerCancel = el('button', undefined, t('picker.cancel'));
  bannerCancel.type = 'button';
  bannerCancel.dataset.action = 'cancel';
  banner.append(el('span', 'text', t('picker.banner')), el('span', 'hint', t('picker.banner.hint')), bannerCancel);
  listen(bannerCancel, 'click', () => stop('cancelled'), false);

  // ---- positioning ---------------------------------------------------------------------------------
  const place = (box: HTMLElement, target: Element) => {
    const r = target.getBoundingClientRect();
    box.style.display = 'block';
    box.style.left = `${r.left - 2}px`;
    box.style.top = `${r.top - 2}px`;
    box.style.width = `${r.width + 4}px`;
    box.style.height = `${r.height + 4}px`;
  };
  let hovered: Element | null = null;
  let marked: Element[] = [];
  let chosen: Element | null = null;
  const redraw = () => {
    raf = 0;
    if (hovered) {
      place(hoverBox, hovered);
      const r = hovered.getBoundingClientRect();
      tip.style.display = 'block';
      tip.style.left = `${Math.max(4, r.left)}px`;
      tip.style.top = `${r.top > 26 ? r.top - 24 : r.bottom + 4}px`;
    }
    const boxes = Array.from(marks.children) as HTMLElement[];
    marked.forEach((m, i) => place(boxes[i], m));
  };
  const schedule = () => {
    if (!raf && !stopped) raf = win.requestAnimationFrame(redraw);
  };
  listen(win, 'scroll', schedule, { capture: true, passive: true });
  listen(win, 'resize', schedule, { passive: true });

  // ---- picking -------------------------------------------------------------------------------------
  const isOurs = (e: Event) => e.target === host || (e.composedPath?.() ?? []).includes(host);
  const pageTarget = (e: Event): Element | null => {
    const target = e.target as Element | null;
    if (!target || target.nodeType !== 1 || isOurs(e)) return null;
    if (target === doc.documentElement || target === doc.body) return null;
    return target;
  };
  let pickOffs: (() => void)[] = [];
  const block = (e: Event) => {
    if (isOurs(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const startPicking = () => {
    ui.append(banner);
    const onMove = (e: MouseEvent) => {
      const target = pageTarget(e);
      if (!target || target === hovered) return;
      hovered = target;
      tip.textContent = describeElement(target);
      schedule();
    };
    const onClick = (e: MouseEvent) => {
      if (isOurs(e)) return;
      block(e);
      const target = pageTarget(e);
      if (target) choose(target);
    };
    pickOffs = [
      listen(win, 'mousemove', onMove, true),
      listen(win, 'click', onClick, true),
      // The press that makes the click must not start the page's own actions (menus, drags, links).
      // Not passive: Chrome makes window touch listeners passive by default, and then cannot prevent them.
      ...['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick', 'contextmenu', 'touchstart', 'touchend'].map((type) =>
        listen(win, type, block, { capture: true, passive: false }),
      ),
    ];
  };
  const stopPicking = () => {
    for (const off of pickOffs) off();
    pickOffs = [];
    banner.remove();
    hovered = null;
    hoverBox.style.display = 'none';
    tip.style.display = 'none';
  };

  listen(
    win,
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      stop('cancelled');
    },
    true,
  );

  // ---- the card ------------------------------------------------------------------------------------
  let card: HTMLElement | null = null;
  function choose(target: Element) {
    stopPicking();
    chosen = target;
    const proposal = proposeRule(target, {
      url: win.location.href,
      customerCodePattern: options.customerCodePattern,
      kindName: (k) => t(`picker.kind.${k}` as PickerKey),
      skip: host,
    });
    showCard(proposal.draft, t(`picker.how.${proposal.selector.strategy}` as PickerKey, { anchor: proposal.selector.anchor }));
  }

  function showCard(draft: RuleDraft, how: string) {
    card?.remove();
    card = el('div', 'card');
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', t('picker.title'));
    const field = (labelKey: PickerKey, control: HTMLElement, name: string) => {
      const id = `al-${name}`;
      control.id = id;
      control.dataset.field = name;
      const label = el('label', undefined, t(labelKey));
      label.htmlFor = id;
      const note = el('div', 'note');
      note.dataset.note = name;
      card!.append(label, control, note);
      return note;
    };
    const input = (value: string, mono = false) => {
      const i = el('input', mono ? 'mono' : undefined);
      i.type = 'text';
      i.value = value;
      i.spellcheck = false;
      i.autocomplete = 'off';
      return i;
    };

    card.append(el('h2', undefined, t('picker.title')));
    const kind = el('select');
    for (const k of TARGETS) {
      const o = el('option', undefined, t(`picker.kind.${k}` as PickerKey));
      o.value = k;
      kind.append(o);
    }
    kind.value = draft.target;
    field('picker.kind', kind, 'target');
    const label = input(draft.label);
    label.maxLength = 200;
    const labelNote = field('picker.label', label, 'label');
    const pattern = input(draft.urlPattern, true);
    const patternNote = field('picker.pattern', pattern, 'urlPattern');
    const selector = input(draft.selector, true);
    const selectorNote = field('picker.selector', selector, 'selector');
    const extract = input(draft.extract ?? '', true);
    extract.placeholder = t('picker.extract.hint');
    const extractNote = field('picker.extract', extract, 'extract');
    const preview = el('div', 'preview');
    preview.dataset.preview = '';
    preview.setAttribute('aria-live', 'polite');
    const status = el('div', 'status');
    status.dataset.status = '';
    status.setAttribute('role', 'status');
    const save = el('button', 'primary', t('picker.save'));
    save.dataset.action = 'save';
    const repick = el('button', undefined, t('picker.repick'));
    repick.dataset.action = 'repick';
    const cancel = el('button', undefined, t('picker.cancel'));
    cancel.dataset.action = 'cancel';
    for (const b of [save, repick, cancel]) b.type = 'button';
    const actions = el('div', 'actions');
    actions.append(cancel, repick, save);
    card.append(preview, status, actions);
    ui.append(card);

    const selectorAsProposed = draft.selector;
    let ok = false;
    const current = (): RuleDraft => {
      const ex = extract.value.trim();
      return {
        label: label.value.trim(),
        urlPattern: pattern.value.trim(),
        selector: selector.value.trim(),
        target: kind.value as RuleTarget,
        ...(ex ? { extract: ex } : {}),
        enabled: true,
      };
    };
    const setNote = (note: HTMLElement, text: string, tone: '' | 'bad' | 'warn' = '') => {
      note.textContent = text;
      note.className = tone ? `note ${tone}` : 'note';
    };

    const refresh = () => {
      const d = current();
      const check = checkDraft(doc, win.location.href, d, host);
      let valid = true;
      if (!d.label) {
        setNote(labelNote, t('picker.label.required'), 'bad');
        valid = false;
      } else setNote(labelNote, '');
      if (!check.patternValid) {
        setNote(patternNote, t('picker.pattern.invalid'), 'bad');
        valid = false;
      } else if (!check.urlMatches) setNote(patternNote, t('picker.pattern.notThisPage'), 'warn');
      else setNote(patternNote, t('picker.pattern.hint'));
      if (!d.selector || check.invalid === 'selector') {
        setNote(selectorNote, t('picker.selector.invalid'), 'bad');
        valid = false;
      } else {
        const count = t('picker.selector.count', { count: check.elements });
        setNote(selectorNote, d.selector === selectorAsProposed ? `${count} · ${how}` : count, check.elements === 1 ? '' : 'warn');
      }
      if (check.extractProblem) {
        setNote(extractNote, t(check.extractProblem === 'nested' ? 'picker.extract.nested' : 'picker.extract.syntax'), 'bad');
        valid = false;
      } else setNote(extractNote, t('picker.extract.hint'));

      preview.replaceChildren();
      if (check.values.length > 0) {
        preview.className = 'preview';
        preview.append(el('div', undefined, t('picker.preview')));
        for (const v of check.values) preview.append(el('span', 'value', v));
        if (check.elements > 1) preview.append(el('div', 'note warn', t('picker.preview.many', { count: check.elements })));
      } else {
        preview.className = 'preview bad';
        preview.textContent =
          check.elements === 0 ? t('picker.preview.noElement') : t('picker.preview.noValue', { kind: t(`picker.kind.${d.target}` as PickerKey) });
      }
      ok = valid;
      save.disabled = !valid;
      markMatches(check.invalid ? [] : safeQuery(d.selector));
    };

    let refreshTimer = 0;
    const later = () => {
      if (refreshTimer) clearTimer(refreshTimer);
      refreshTimer = setTimer(refresh, 120);
      status.textContent = '';
    };
    for (const c of [label, pattern, selector, extract]) listen(c, 'input', later, false);
    listen(kind, 'change', refresh, false);
    listen(cancel, 'click', () => stop('cancelled'), false);
    listen(repick, 'click', () => {
      card?.remove();
      card = null;
      markMatches([]);
      startPicking();
    }, false);
    listen(save, 'click', async () => {
      refresh();
      if (!ok) return;
      const rule = current();
      save.disabled = true;
      status.className = 'status';
      status.textContent = t('picker.saving');
      let reply: { ok?: boolean; error?: string; detail?: string } | undefined;
      try {
        reply = (await options.send({ type: 'rules/save', rule })) as typeof reply;
      } catch {
        reply = undefined;
      }
      if (stopped) return;
      if (reply?.ok === true) {
        status.className = 'status good';
        status.textContent = t('picker.saved');
        for (const c of [kind, label, pattern, selector, extract, repick]) (c as HTMLInputElement).disabled = true;
        save.remove();
        cancel.textContent = t('picker.close');
        if ((options.closeAfterSaveMs ?? 2_500) > 0) setTimer(() => stop('saved'), options.closeAfterSaveMs ?? 2_500);
        outcome = 'saved';
      } else {
        status.className = 'status bad';
        status.textContent = reply && reply.ok === false ? t('picker.error', { detail: reply.detail || reply.error || '' }) : t('picker.error.offline');
        save.disabled = false;
      }
    }, false);
    refresh();
    save.focus();
  }

  const safeQuery = (selector: string): Element[] => {
    try {
      return Array.from(doc.querySelectorAll(selector)).filter((e) => e !== host).slice(0, MAX_MARKS);
    } catch {
      return [];
    }
  };
  function markMatches(elements: Element[]) {
    marked = elements;
    marks.replaceChildren(...elements.map((e) => el('div', e === chosen ? 'box' : 'box other')));
    schedule();
  }

  // ---- lifecycle -----------------------------------------------------------------------------------
  function setTimer(fn: () => void, ms: number): number {
    const id = win.setTimeout(() => {
      timers.delete(id);
      fn();
    }, ms) as unknown as number;
    timers.add(id);
    return id;
  }
  function clearTimer(id: number) {
    win.clearTimeout(id);
    timers.delete(id);
  }

  let outcome: 'saved' | 'cancelled' = 'cancelled';
  function stop(why?: 'saved' | 'cancelled') {
    if (stopped) return;
    stopped = true;
    for (const off of pickOffs) off();
    for (const off of disposers) off();
    disposers.length = 0;
    for (const id of timers) win.clearTimeout(id);
    timers.clear();
    if (raf) win.cancelAnimationFrame(raf);
    host.remove();
    delete (win as unknown as Record<string, unknown>)[GUARD];
    options.onDone?.(why === 'saved' || outcome === 'saved' ? 'saved' : 'cancelled');
  }

  const handle: PickerHandle = { stop: () => stop(), shadow, host };
  (win as unknown as Record<string, PickerHandle>)[GUARD] = handle;
  doc.documentElement.append(host);
  startPicking();
  return handle;
}

/** What the hover tip says about an element: its tag and the start of its text. */
function describeElement(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return text ? `${el.localName} · ${text}` : el.localName;
}
