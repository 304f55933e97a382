import { GROUP, ITEM } from '../../search/index';
import { letters } from './normalise';

/**
 * The pinyin of a customer's name, read back from the row's stored search text instead of running
 * pinyin-pro again (lib/search/pinyin customerSearchText: group 0 is the folded name, group 1 its
 * full pinyin and initials, each left out when equal to an earlier item). Null when the text does not
 * have that shape or was made from another name (`norm` is the name's `letters`).
 */
export function namePinyinFromSearch(search: string, norm: string): { full: string; initials: string } | null {
  const groups = search.split(GROUP);
  if (groups.length < 2 || letters(groups[0]) !== norm) return null;
  const items = groups[1] ? groups[1].split(ITEM) : [];
  // Both kept: full then initials. One kept: the other equalled the name or it (an all-Latin part only),
  // so both are it. None: both equalled the name.
  if (items.length >= 2) return { full: items[0], initials: items[1] };
  if (items.length === 1) return { full: items[0], initials: items[0] };
  return { full: letters(groups[0]), initials: letters(groups[0]) };
}

/**
 * A syllable of toneless pinyin (ü written v), generous: it only has to tell where one syllable ends
 * when the next one's first letter also occurs inside it (xian|an, not xi|anan).
 */
const SYLLABLE = /^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?(?:i(?:a(?:ng?|o)?|e|ng?|ong|u|o)?|u(?:a(?:ng?|i)?|o|i|e|n|eng)?|v(?:e|an|n)?|a(?:i|o|ng?)?|e(?:i|ng?|r)?|o(?:u|ng)?)|hm|hng|ng|m|n|ê)$/;

/**
 * Where each character's syllable starts in the full pinyin of `norm` (a name's letters and digits):
 * offsets[i] for character i, offsets[norm.length] = full.length; null when the pinyin does not fit.
 *
 * pinyin-pro gives one element a character: a Han character its syllable, anything else itself, so
 * the initials have exactly one letter a character, and a syllable starts with its character's
 * initial. The only ambiguity, where a syllable ends, is settled by the next initial and the syllable
 * shapes, with backtracking (bounded) for the rare case both fit.
 */
export function alignPinyin(norm: string, initials: string, full: string): Int32Array | null {
  const n = norm.length;
  if (initials.length !== n) return null;
  const offsets = new Int32Array(n + 1);
  let steps = 0;
  const go = (i: number, p: number): boolean => {
    if (++steps > 4 * n + 64) return false;
    offsets[i] = p;
    if (i === n) return p === full.length;
    const c = initials.charCodeAt(i);
    if (full.charCodeAt(p) !== c) return false;
    // Kept as is (a Latin letter, a digit, a Han character without a reading): one character.
    if (c === norm.charCodeAt(i)) return go(i + 1, p + 1);
    if (c < 97 || c > 122) return false;
    const next = i + 1 < n ? initials.charCodeAt(i + 1) : -1;
    for (let end = p + 1; end <= p + 6 && end <= full.length; end++) {
      if (end === full.length ? i + 1 !== n : full.charCodeAt(end) !== next) continue;
      if (SYLLABLE.test(full.slice(p, end)) && go(i + 1, end)) return true;
    }
    return false;
  };
  return go(0, 0) ? offsets : null;
}

/** pinyin-pro writes ü; people type v (the IME convention). */
export const uToV = (s: string): string => (s.includes('ü') ? s.replaceAll('ü', 'v') : s);
