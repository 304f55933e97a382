import { pinyin } from 'pinyin-pro';
import type { Customer } from '../model/customer';
import { toHalfWidth } from '../match/identifiers';
import { GROUP, ITEM } from './index';

// The layout constants live with the index (which must not pull in pinyin-pro); re-exported here
// for callers that import them from this module.
export { GROUP, ITEM, SEARCH_GROUPS } from './index';

/**
 * Pinyin keys of a name, for search as you type: `full` is the toneless pinyin of every Han
 * character run together ("张记便利店" → "zhangjibianlidian"), `initials` their first letters
 * ("zjbld"). Latin letters and digits are kept (lower-cased, full-width folded to ASCII), in both keys
 * whole ("7-Eleven便利店" → "7elevenbianlidian" / "7elevenbld"); spaces and punctuation are dropped,
 * since queries ignore them too. A Han character pinyin-pro has no reading for is kept as it is.
 *
 * Polyphones: pinyin-pro reads a character in context (银行 → yinhang, 商行 → shanghang,
 * 重庆 → chongqing). Shop names of the form "surname + 记/氏" (单记, 曾氏, 解记, 区记) get the
 * surname reading of the first character (shan, zeng, xie, ou), which context alone gets wrong.
 *
 * Cost: about 8 µs per name (pinyin-pro), so keys are computed when a customer is written and
 * stored on the row (see `customerSearchText`), never per keystroke.
 */
export function pinyinKeys(text: string): { full: string; initials: string } {
  const s = toHalfWidth(text);
  if (!s) return { full: '', initials: '' };
  const syllables = pinyin(s, { toneType: 'none', type: 'array' });
  if (syllables.length > 1 && SURNAME_SUFFIX.has(s[1]) && HAN.test(s[0])) {
    const [surname] = pinyin(s[0], { toneType: 'none', type: 'array', surname: 'head' });
    if (surname) syllables[0] = surname;
  }
  let full = '';
  let initials = '';
  for (const syl of syllables) {
    const p = syl.toLowerCase().replace(DROP, '');
    if (!p) continue;
    full += p;
    // A converted syllable contributes its first letter; anything else (a Latin letter, a digit, a
    // Han character without a reading) is one character and contributes itself.
    initials += p[0];
  }
  return { full, initials };
}

const SURNAME_SUFFIX = new Set(['记', '氏']);
const HAN = /\p{Script=Han}/u;
/** Everything but letters and digits (spaces, punctuation, symbols, control characters). */
const DROP = /[^\p{L}\p{N}]/gu;

export type SearchableCustomer = Pick<
  Customer,
  'name' | 'aliases' | 'licenceNo' | 'customerCode' | 'uscc' | 'mobiles' | 'phones' | 'emails' | 'address' | 'owner'
>;

const fold = (s: string): string => toHalfWidth(s).replace(CONTROL, '').trim().toLowerCase();
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * The one lower-cased search text ("haystack") stored on a customer row: name, aliases, the pinyin
 * (full + initials) of both, identifiers (phones as digits only), owner and address, laid out in the
 * groups described at `GROUP` (lib/search/index.ts). Duplicates are left out (e.g. the pinyin of an
 * all-Latin name). Typical size: ~105 UTF-16 units (~240 bytes on the heap, a two-byte string) for
 * a tobacco shop with licence, code, one or two mobiles, owner and address.
 */
export function customerSearchText(c: SearchableCustomer): string {
  const name = fold(c.name);
  // Items equal to one already in an earlier name-ish group add nothing (e.g. the pinyin of an
  // all-Latin name, or an alias equal to the name); identifiers, owner and address are deduplicated
  // within their own group only, so an identifier is never lost to the name.
  const names = new Set<string>([name]);
  const ids = new Set<string>();
  const other = new Set<string>();
  const add = (set: Set<string>, v: string | undefined, list?: string[]) => {
    if (v && !set.has(v)) {
      set.add(v);
      list?.push(v);
    }
  };
  const namePinyin: string[] = [];
  const nk = pinyinKeys(name);
  add(names, nk.full, namePinyin);
  add(names, nk.initials, namePinyin);

  const aliases: string[] = [];
  for (const a of c.aliases ?? []) {
    const alias = fold(a);
    if (!alias) continue;
    add(names, alias, aliases);
    const ak = pinyinKeys(alias);
    add(names, ak.full, aliases);
    add(names, ak.initials, aliases);
  }

  add(ids, c.licenceNo && fold(c.licenceNo));
  add(ids, c.customerCode && fold(c.customerCode));
  add(ids, c.uscc && fold(c.uscc));
  for (const m of c.mobiles ?? []) add(ids, fold(m));
  for (const p of c.phones ?? []) add(ids, toHalfWidth(p).replace(/\D/g, ''));
  for (const e of c.emails ?? []) add(ids, fold(e));

  add(other, c.owner && fold(c.owner));
  add(other, c.address && fold(c.address));

  return [name, namePinyin.join(ITEM), aliases.join(ITEM), [...ids].join(ITEM), [...other].join(ITEM)].join(GROUP);
}
