import { HAN_SUFFIXES, LATIN_SUFFIX_WORDS, NAMED_BRANCH, NUMBERED_BRANCH, REGION_PATTERNS, SUFFIX } from './suffixes';

/**
 * A shop or company name taken apart for matching. `norm` holds letters and digits only (NFKC, so
 * full-width letters, digits and punctuation become half-width first; lower-cased; spaces and every
 * punctuation mark, Chinese or ASCII, dropped). The other fields are offsets into `norm`:
 *
 *   norm = region [0, regionEnd) + core [regionEnd, coreEnd) + tail [coreEnd, norm.length)
 *
 * The tail holds the suffixes taken off (有限公司, 便利店 …) and a branch designator, whose own text
 * ("123" of "123号店", "南山" of "(南山店)") is [branchStart, branchEnd), empty when there is none.
 * "深圳市南山区鑫隆便利店123号店" → region "深圳市南山区", core "鑫隆", branch "123", suffixes
 * convenience|shop. Neither stripping ever leaves a core shorter than two characters.
 */
export interface ParsedName {
  norm: string;
  regionEnd: number;
  coreEnd: number;
  branchStart: number;
  branchEnd: number;
  /** Bit set of SUFFIX classes of the suffixes taken off. */
  suffixes: number;
}

/** The shortest core stripping may leave: "张店" keeps its 店, "店" is never stripped to nothing. */
export const MIN_CORE = 2;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const ANGLE = /<[^<>]*>/g;
const QUOTES = /["'“”‘’「」『』]/g;
const LEADING_BRACKET = /^\s*[([【〔]([^()[\]【】〔〕]{1,20})[)\]】〕]\s*/u;
const TRAILING_BRACKET = /[([【〔]([^()[\]【】〔〕]{1,30})[)\]】〕]\s*$/u;
/** Branch words at the end of a bracketed branch: "(南山店)" and "(南山分店)" are both branch "南山". */
const BRANCH_WORD = /(?:分店|门店|分公司|分行|支行|营业部|营业厅|店)$/u;

/** ASCII and the main CJK blocks, which NFKC leaves alone: most names, spared the (slow) normalisation. */
const NFKC_STABLE = /^[\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]*$/;

/** Letters and digits only, lower-cased, after NFKC. */
export function letters(s: string): string {
  return (NFKC_STABLE.test(s) ? s : s.normalize('NFKC')).toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

export const hasHan = (s: string): boolean => HAN.test(s);

/**
 * What a page shows as a name, without what is not the name: email addresses (an email display name
 * "张记便利店 <a@b.com>" is the name and the address), angle-bracketed parts and quotes.
 */
export function cleanPageName(raw: string): string {
  let s = raw;
  if (s.includes('@') || s.includes('<')) s = s.replace(ANGLE, ' ').replace(EMAIL, ' ');
  return s.replace(QUOTES, ' ').replace(SPACES, ' ').trim();
}
const SPACES = /\s+/g;

/** Just `norm` of `parseName`: letters and digits, half-width, lower-cased. */
export function normaliseName(raw: string): string {
  return letters(cleanPageName(raw));
}

// Latin suffix words as patterns on the spaced text: the words separated by anything but letters and
// digits ("co., ltd." is "co ltd"), preceded by a word boundary, at the very end. Longest first.
const LATIN_SUFFIXES = [...LATIN_SUFFIX_WORDS]
  .sort((a, b) => b.words.length - a.words.length)
  .map(({ words, classes }) => ({
    re: new RegExp(`(?:^|[^\\p{L}\\p{N}])${words.split(' ').join('[^\\p{L}\\p{N}]*')}[^\\p{L}\\p{N}]*$`, 'u'),
    classes,
  }));
/** Han suffixes by their last character, longest first: a name's last character picks the few to try. */
const HAN_SUFFIXES_BY_LAST = new Map<string, (typeof HAN_SUFFIXES)[number][]>();
for (const x of [...HAN_SUFFIXES].sort((a, b) => b.text.length - a.text.length)) {
  const last = x.text[x.text.length - 1];
  HAN_SUFFIXES_BY_LAST.set(last, [...(HAN_SUFFIXES_BY_LAST.get(last) ?? []), x]);
}

/**
 * Take a name apart (see `ParsedName`). Works for shop and company names in Chinese, in Latin letters
 * ("Zhang Ji Store", "Acme Trading Co., Ltd." lose their suffix words), mixed ("7-Eleven便利店") and for
 * email display names. The name's text is kept whole in `norm`; only the offsets say what is what.
 */
export function parseName(raw: string): ParsedName {
  let s = cleanPageName(raw);
  s = (NFKC_STABLE.test(s) ? s : s.normalize('NFKC')).toLowerCase();

  // "【深圳】张记便利店": a leading bracket is a region; "张记便利店（南山店）": a trailing one a branch.
  let lead = '';
  const lm = LEADING_BRACKET.exec(s);
  if (lm && letters(s.slice(lm[0].length)).length >= MIN_CORE) {
    lead = letters(lm[1]);
    s = s.slice(lm[0].length);
  }
  let branch = '';
  const tm = TRAILING_BRACKET.exec(s);
  if (tm && letters(s.slice(0, tm.index)).length >= MIN_CORE) {
    branch = letters(tm[1]);
    s = s.slice(0, tm.index);
  }

  let suffixes = 0;
  let main = s;
  for (let again = true; again; ) {
    again = false;
    for (const { re, classes } of LATIN_SUFFIXES) {
      const m = re.exec(main);
      if (m && letters(main.slice(0, m.index)).length >= MIN_CORE) {
        main = main.slice(0, m.index);
        suffixes |= classes;
        again = true;
        break;
      }
    }
  }

  const body = letters(s);
  const norm = lead + body + branch;
  let end = lead.length + (main === s ? body.length : letters(main).length);
  let branchStart = 0;
  let branchEnd = 0;
  if (branch) {
    const canon = branch.length > 1 ? branch.replace(BRANCH_WORD, '') || branch : branch;
    branchStart = lead.length + body.length;
    branchEnd = branchStart + canon.length;
  }

  // Han suffixes and a branch at the end, repeatedly, longest first.
  for (;;) {
    const head = norm.slice(0, end);
    if (branchEnd === 0) {
      const m = NUMBERED_BRANCH.exec(head) ?? NAMED_BRANCH.exec(head);
      if (m && m.index >= MIN_CORE) {
        branchStart = m.index + m[0].indexOf(m[1]);
        branchEnd = branchStart + m[1].length;
        end = m.index;
        suffixes |= SUFFIX.shop;
        continue;
      }
    }
    const candidates = HAN_SUFFIXES_BY_LAST.get(head[end - 1]);
    // A name that is all suffix ("有限公司", "便利店") keeps it: "有限" would be no name at all.
    if (!candidates || candidates.some((x) => x.text === head)) break;
    const hit = candidates.find((x) => head.endsWith(x.text) && end - x.text.length >= MIN_CORE);
    if (!hit) break;
    end -= hit.text.length;
    suffixes |= hit.classes;
  }

  // Leading regions, one at a time.
  let regionEnd = lead.length;
  if (end - regionEnd < MIN_CORE) regionEnd = 0;
  for (let k = 0; k < 4; k++) {
    const rest = norm.slice(regionEnd, end);
    let cut = 0;
    for (const re of REGION_PATTERNS) {
      const m = re.exec(rest);
      if (m && rest.length - m[0].length >= MIN_CORE) {
        cut = m[0].length;
        break;
      }
    }
    if (!cut) break;
    regionEnd += cut;
  }
  return { norm, regionEnd, coreEnd: end, branchStart, branchEnd, suffixes };
}

export const coreOf = (p: ParsedName): string => p.norm.slice(p.regionEnd, p.coreEnd);
export const regionOf = (p: ParsedName): string => p.norm.slice(0, p.regionEnd);
export const branchOf = (p: ParsedName): string => p.norm.slice(p.branchStart, p.branchEnd);

/** Pinyin of the Chinese suffixes, longest first, for taking them off a Latin query ("zhangjibianlidian"). */
const PINYIN_SUFFIXES = HAN_SUFFIXES.flatMap((x) => (x.pinyin ? [x.pinyin] : [])).sort((a, b) => b.length - a.length);

/**
 * A Latin core with the pinyin of Chinese suffixes taken off its end, even when written together
 * ("zhangjibianlidian" → "zhangji"), leaving at least three letters; the core itself when none applies.
 * For queries only: a customer's Latin name is never cut inside a word ("Meridian" stays whole).
 */
export function stripPinyinSuffixes(core: string): string {
  let s = core;
  for (let again = true; again; ) {
    again = false;
    for (const p of PINYIN_SUFFIXES) {
      if (s.length - p.length >= 3 && s.endsWith(p)) {
        s = s.slice(0, -p.length);
        again = true;
        break;
      }
    }
  }
  return s;
}
