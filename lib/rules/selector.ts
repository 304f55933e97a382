/**
 * A CSS selector for the element the manager clicked that still finds it after the page re-renders
 * (another customer's page, a reload, a single-page app redrawing its view). Preference:
 *   1. a stable id; 2. stable data-* / name / itemprop / aria-label attributes;
 *   3. a label anchor ("客户编码：" followed by the value element), relative to a stable ancestor;
 *   4. stable class names; 5. a stable ancestor plus the element's tag;
 *   6. its position (:nth-of-type) below the nearest stable ancestor, only as a last resort.
 * "Stable" excludes what frameworks and bundlers generate: long digit runs (ext-comp-1023, j_id123),
 * React ids (:r1:), hashed classes (css-1x2y3z, sc-bdVaJa, o4zjZ, Button_primary__3xk2L) and state
 * classes (active, ng-valid). Every proposal is verified to select the clicked element alone.
 */

export type SelectorStrategy = 'id' | 'attribute' | 'label' | 'class' | 'ancestor' | 'position';

export interface SelectorProposal {
  selector: string;
  strategy: SelectorStrategy;
  /** What the description names: the id, attribute, label text, class or ancestor. */
  anchor: string;
  /** The label found next to the value ("客户编码"), whatever the strategy; used for the rule's name and kind. */
  labelText?: string;
  /** Elements the selector finds in the document (1 once verified). */
  count: number;
}

// ---------------------------------------------------------------------------------------------------
// Escaping

export function cssIdent(s: string): string {
  let out = s.replace(/[^a-zA-Z0-9_\-\u00A0-\uFFFF]/g, (c) => `\\${c}`);
  // An identifier may not start with a digit, or with a hyphen and a digit.
  out = out.replace(/^(-?)(\d)/, (_m, dash: string, d: string) => `${dash}\\3${d} `);
  return out === '-' ? '\\-' : out;
}

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

// ---------------------------------------------------------------------------------------------------
// Stability of ids, classes and attribute values

const GENERATED_PREFIX =
  /^(?:(?:css|sc|jsx|svelte|astro|emotion|styled|tss|makeStyles)-|jss\d|ember\d|ext-(?:comp|gen|element)-|j_id|jQuery\d|yui_|gwt-|mui-\d|react-select-|headlessui-|radix-|rc-|el-id-|ng-|x-auto-)/i;
const STATE_CLASS =
  /^(active|selected|current|hover|hovered|focus|focused|focus-visible|open|opened|show|shown|visible|hidden|hide|collapsed|expanded|disabled|checked|loading|loaded|is-.+|has-.+|on|off|odd|even|first|last|highlight|highlighted|clearfix|fade|in)$/i;

type CharClass = 'l' | 'u' | 'd' | 'o';
const classOf = (c: string): CharClass => (c >= 'a' && c <= 'z' ? 'l' : c >= 'A' && c <= 'Z' ? 'u' : c >= '0' && c <= '9' ? 'd' : 'o');

/** A piece of a token (between - and _) that reads like a hash rather than a word: o4zjZ, 3xk2L, bdVaJa, kzjRV. */
function looksRandom(part: string): boolean {
  if (part.length < 4 || !/^[A-Za-z0-9]+$/.test(part)) return false;
  let changes = 0;
  for (let i = 1; i < part.length; i++) {
    const a = classOf(part[i - 1]), b = classOf(part[i]);
    // Upper then lower starts a camelCase word ("Code"): normal in hand-written names.
    if (a !== b && !(a === 'u' && b === 'l')) changes++;
  }
  if (changes / (part.length - 1) >= 0.5) return true;
  const mixedCase = /[a-z]/.test(part) && /[A-Z]/.test(part);
  // camelCase words of one letter and one lower-case letter, twice ("VaJa"): generated.
  if (mixedCase && (part.match(/[A-Z][a-z](?![a-z])/g)?.length ?? 0) >= 2) return true;
  // Mixed case without a single vowel is not a word in any naming scheme ("kzjRV").
  return mixedCase && part.length >= 5 && !/[aeiouyAEIOUY]/.test(part);
}

/** Whether an id or class name was written by a person rather than generated. */
export function isStableToken(t: string): boolean {
  if (!t || t.length > 64) return false;
  if (/[\s:«»]/.test(t)) return false; // React's useId
  if (/\d{3,}/.test(t)) return false; // ext-comp-1023, j_id123, row_30512001
  if (GENERATED_PREFIX.test(t)) return false;
  if (/[0-9a-f]{8,}/i.test(t) && /\d/.test(t)) return false; // hex hashes (data-v-7ba5bd90)
  return !t.split(/[-_]+/).some(looksRandom);
}

const isStableClass = (c: string) => !STATE_CLASS.test(c) && isStableToken(c);

const PREFERRED_ATTRS = ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-field', 'data-name', 'data-label', 'data-prop', 'data-key', 'data-col', 'data-column', 'data-role', 'data-type'];
const OTHER_ATTRS = ['name', 'itemprop', 'aria-label'];
const STATE_ATTR =
  /^data-(v-|reactid|reactroot|react|index|idx|rowindex|row-index|state|active|selected|highlighted|hover|focus|expanded|open|checked|disabled|loading|pressed|orientation|side|align|headlessui|radix|rbd|sveltekit|darkreader|gramm|lt-|ms-editor|new-gr)/i;

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** An attribute value that names the field, not this customer's value (which would change per page). */
function isStableValue(value: string, ownText: string): boolean {
  const v = value.trim();
  if (!v || v.length > 60 || /[\u0000-\u001f]/.test(v)) return false;
  if (/\d{3,}/.test(v) || v.includes('@')) return false;
  if (ownText.length >= 2 && v.includes(ownText)) return false;
  // Non-ASCII values are usually this customer's data (a name); only field names ("客户编码") are kept.
  if (/[^\x00-\x7f]/.test(v)) return isLabelText(v);
  return isStableToken(v.replace(/[\s.[\]/:]+/g, '-'));
}

function stableAttributes(el: Element): [string, string][] {
  const own = collapse(el.textContent).slice(0, 200);
  const out: [string, string][] = [];
  const seen = new Set<string>();
  const consider = (name: string) => {
    const v = el.getAttribute(name);
    if (v !== null && !seen.has(name) && isStableValue(v, own)) {
      seen.add(name);
      out.push([name, v.trim()]);
    }
  };
  for (const name of PREFERRED_ATTRS) consider(name);
  for (const a of Array.from(el.attributes)) if (a.name.startsWith('data-') && !STATE_ATTR.test(a.name) && isStableToken(a.name)) consider(a.name);
  for (const name of OTHER_ATTRS) consider(name);
  return out;
}

const stableClasses = (el: Element) => Array.from(el.classList).filter(isStableClass).slice(0, 5);

/** Whether an element's id can anchor a selector. */
const stableId = (el: Element) => (el.id && isStableToken(el.id) ? el.id : null);

// ---------------------------------------------------------------------------------------------------
// Steps: simple selectors for one element

interface Step {
  sel: string;
  type: 'id' | 'attribute' | 'class' | 'tag';
  anchor: string;
}

const tagOf = (el: Element) => cssIdent(el.localName);

function ownSteps(el: Element): Step[] {
  const tag = tagOf(el);
  const out: Step[] = [];
  const id = stableId(el);
  if (id) out.push({ sel: `#${cssIdent(id)}`, type: 'id', anchor: id });
  for (const [name, value] of stableAttributes(el)) out.push({ sel: `${tag}[${name}=${cssString(value)}]`, type: 'attribute', anchor: `${name}="${value}"` });
  const classes = stableClasses(el);
  for (const c of classes) out.push({ sel: `${tag}.${cssIdent(c)}`, type: 'class', anchor: c });
  for (let i = 0; i < classes.length; i++)
    for (let j = i + 1; j < classes.length; j++)
      out.push({ sel: `${tag}.${cssIdent(classes[i])}.${cssIdent(classes[j])}`, type: 'class', anchor: `${classes[i]} ${classes[j]}` });
  return out;
}

/** How `el` is told apart from its siblings: a stable class, its tag, or (last) its position among its type. */
function childStep(el: Element): string {
  const tag = tagOf(el);
  const parent = el.parentElement;
  if (!parent) return tag;
  const siblings = Array.from(parent.children).filter((c) => c !== el);
  const id = stableId(el);
  if (id) return `#${cssIdent(id)}`;
  for (const c of stableClasses(el)) if (!siblings.some((s) => s.classList.contains(c))) return `${tag}.${cssIdent(c)}`;
  const sameTag = siblings.filter((s) => s.localName === el.localName);
  if (sameTag.length === 0) return tag;
  let k = 1;
  for (let p = el.previousElementSibling; p; p = p.previousElementSibling) if (p.localName === el.localName) k++;
  return `${tag}:nth-of-type(${k})`;
}

// ---------------------------------------------------------------------------------------------------
// Labels

const LABEL_WORDS =
  /(编码|编号|代码|代号|号码|名称|名字|姓名|店名|户名|商户|电话|手机|联系方式|许可证|证号|信用代码|邮箱|邮件|e-?mail|mobile|phone|tel\b|licen[cs]e|code|name|customer|account|\bno\b\.?|\bid\b)/i;

/** Text that names a field ("客户编码：", "许可证号", "Mobile:") rather than showing a value. */
export function isLabelText(text: string): boolean {
  const t = collapse(text);
  if (!t || t.length > 24 || /\d{5,}/.test(t) || t.includes('@')) return false;
  return /[:：]$/.test(t) || LABEL_WORDS.test(t);
}

export const labelName = (text: string) => collapse(text).replace(/[:：\s]+$/, '');

export interface FoundLabel {
  /** The label's words without the trailing colon. */
  text: string;
  /** The label element, or null when the label is a bare text node before the value. */
  element: Element | null;
  /** The element the label sits next to: the clicked element or an ancestor that holds nothing else. */
  value: Element;
}

/** The label shown next to a value: a previous sibling (element or text), on the element or on the wrapper that only holds it. */
export function findLabel(el: Element): FoundLabel | null {
  const doc = el.ownerDocument;
  if (el.id && doc) {
    try {
      const l = doc.querySelector(`label[for=${cssString(el.id)}]`);
      if (l && isLabelText(l.textContent ?? '')) return { text: labelName(l.textContent ?? ''), element: l, value: el };
    } catch {
      /* ids that are not valid in a selector */
    }
  }
  let v: Element = el;
  const ownText = collapse(el.textContent);
  for (let depth = 0; depth < 4; depth++) {
    for (let p = v.previousSibling; p; p = p.previousSibling) {
      if (p.nodeType === 3) {
        const t = collapse(p.nodeValue);
        if (!t) continue;
        if (isLabelText(t)) return { text: labelName(t), element: null, value: v };
        break;
      }
      if (p.nodeType !== 1) continue;
      const t = collapse(p.textContent);
      if (!t) continue; // icons, empty spacer cells
      if (isLabelText(t)) return { text: labelName(t), element: p as Element, value: v };
      break;
    }
    const parent = v.parentElement;
    // Climb only through wrappers that show nothing but the value (<td><span>KH…</span></td>).
    if (!parent || parent.localName === 'body' || collapse(parent.textContent) !== ownText) break;
    v = parent;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Verification helpers

/** How many elements the selector finds in `root`, or -1 when it is not a valid selector. */
export function countMatches(root: ParentNode, selector: string): number {
  try {
    return root.querySelectorAll(selector).length;
  } catch {
    return -1;
  }
}

/** Whether a selector is syntactically valid (needs a DOM; without one, every selector passes). */
export function isValidSelector(selector: string, doc?: Document): boolean {
  const d = doc ?? (typeof document === 'undefined' ? undefined : document);
  if (!d) return true;
  try {
    d.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function selectsOnly(doc: Document, selector: string, el: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

interface Anchor {
  el: Element;
  sel: string;
}

/** Ancestors that one stable simple selector finds alone in the document, nearest first. */
function stableAncestors(el: Element, doc: Document, max = 5): Anchor[] {
  const out: Anchor[] = [];
  for (let a = el.parentElement; a && out.length < max; a = a.parentElement) {
    if (a.localName === 'html') break;
    if (a.localName === 'body') {
      out.push({ el: a, sel: 'body' });
      break;
    }
    const step = ownSteps(a).find((s) => selectsOnly(doc, s.sel, a));
    if (step) out.push({ el: a, sel: step.sel });
  }
  return out;
}

/** `anchor > step > … > el`, with positions where needed; bare-tag steps in between are dropped when not needed. */
function positionalPath(el: Element, doc: Document, anchor: Anchor | undefined): string {
  const chain: string[] = [];
  for (let n: Element | null = el; n && n !== anchor?.el; n = n.parentElement) {
    if (n.localName === 'body' || n.localName === 'html') break;
    chain.unshift(childStep(n));
  }
  // Each part carries the combinator that joins it to the part before it.
  let parts = [{ sel: anchor?.sel ?? 'body', comb: '' }, ...chain.map((sel) => ({ sel, comb: ' > ' }))];
  const build = (ps: typeof parts) => ps.map((p) => p.comb + p.sel).join('');
  // Wrappers such as tbody or an unnamed div may come and go between renders: drop them when the rest
  // still finds el alone (the next part then becomes a descendant of the previous one).
  for (let i = parts.length - 2; i >= 1; i--) {
    if (!/^[a-z][a-z0-9-]*$/.test(parts[i].sel)) continue;
    const candidate = [...parts.slice(0, i), { ...parts[i + 1], comb: ' ' }, ...parts.slice(i + 2)];
    if (selectsOnly(doc, build(candidate), el)) parts = candidate;
  }
  return build(parts);
}

/** A selector from the document root that finds el by position alone (always unique). */
function absolutePath(el: Element): string {
  const steps: string[] = [];
  for (let n: Element | null = el; n && n.parentElement; n = n.parentElement) {
    let k = 1;
    for (let p = n.previousElementSibling; p; p = p.previousElementSibling) k++;
    steps.unshift(`${tagOf(n)}:nth-child(${k})`);
  }
  return [':root', ...steps].join(' > ');
}

/** Path from `from` (exclusive) down to `to` (inclusive) as child steps: ` > span.tel`. */
function innerPath(from: Element, to: Element): string {
  const steps: string[] = [];
  for (let n: Element | null = to; n && n !== from; n = n.parentElement) steps.unshift(childStep(n));
  return steps.map((s) => ` > ${s}`).join('');
}

// ---------------------------------------------------------------------------------------------------

/**
 * Proposes a selector for `el` in `doc`, verified to find `el` alone. The strategy and anchor say in words
 * what it relies on (describeSelector in the picker and dashboard).
 */
export function proposeSelector(el: Element, doc: Document = el.ownerDocument): SelectorProposal {
  const label = findLabel(el);
  const labelText = label?.text;
  const done = (selector: string, strategy: SelectorStrategy, anchor: string): SelectorProposal => ({
    selector,
    strategy,
    anchor,
    labelText,
    count: countMatches(doc, selector),
  });

  const own = ownSteps(el);
  // 1-2. The element's own id or attributes.
  for (const s of own) if (s.type !== 'class' && selectsOnly(doc, s.sel, el)) return done(s.sel, s.type as SelectorStrategy, s.anchor);

  const anchors = stableAncestors(el, doc);
  const tag = tagOf(el);

  // 3. Label anchor: the label element's selector, then the value's tag (a class of the value comes later).
  if (label?.element) {
    const l = label.element;
    const lSteps = [...ownSteps(l).map((s) => s.sel).slice(0, 3), tagOf(l)];
    const v = label.value;
    const inner = innerPath(v, el);
    for (const ls of lSteps) {
      const core = `${ls} + ${tagOf(v)}${inner}`;
      if (selectsOnly(doc, core, el)) return done(core, 'label', label.text);
      for (const a of anchors) {
        const scoped = `${a.sel} ${core}`;
        if (selectsOnly(doc, scoped, el)) return done(scoped, 'label', label.text);
      }
    }
  }

  // 4. Stable classes, alone or below a stable ancestor.
  for (const s of own) if (s.type === 'class' && selectsOnly(doc, s.sel, el)) return done(s.sel, 'class', s.anchor);
  for (const a of anchors) {
    for (const s of own) {
      const scoped = `${a.sel} ${s.sel}`;
      if (selectsOnly(doc, scoped, el)) return done(scoped, s.type === 'class' ? 'class' : (s.type as SelectorStrategy), s.anchor);
    }
  }

  // 5. A stable ancestor and the element's tag.
  for (const a of anchors) {
    if (a.sel === 'body') continue;
    const scoped = `${a.sel} ${tag}`;
    if (selectsOnly(doc, scoped, el)) return done(scoped, 'ancestor', a.sel);
  }

  // 6. Position below the nearest stable ancestor. With a label beside the value, the manager still
  //    sees which field it is (the label); otherwise it is described as positional.
  const anchor = anchors.find((a) => a.sel !== 'body') ?? anchors[0];
  const path = positionalPath(el, doc, anchor);
  const strategy: SelectorStrategy = labelText ? 'label' : 'position';
  if (selectsOnly(doc, path, el)) return done(path, strategy, labelText ?? anchor?.sel ?? 'body');
  return done(absolutePath(el), 'position', ':root');
}
