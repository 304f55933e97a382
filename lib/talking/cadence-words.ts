import type { Locale } from '../i18n';
import type { Customer } from '../model';

/** Which part of the profile set the cadence, for the "because" line: 「核心客户」 / 28 档 / 默认. */
export function cadenceBasis(c: Pick<Customer, 'segment' | 'class'>, l: Locale): string {
  if (c.segment) return l === 'en' ? `“${c.segment}”` : `「${c.segment}」`;
  if (c.class) return l === 'en' ? `class ${c.class}` : `${c.class} 档`;
  return l === 'en' ? 'the default' : '默认';
}
