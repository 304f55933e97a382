import type { Customer } from '../../model';
import { both, list, makePoint } from '../text';
import type { TalkingContext, TalkingRule } from '../types';

export type ArchiveField = 'owner' | 'address' | 'birthday' | 'phone';

/**
 * Profile fields worth asking for in conversation (domain.md §1). A phone is there when the customer or
 * any of its contacts has a mobile or landline: what matters is being able to reach them, and a bank's
 * corporate client is reached through its contacts.
 */
export const ARCHIVE_FIELDS: readonly { field: ArchiveField; present: (c: Customer, ctx: TalkingContext) => boolean; 'zh-CN': string; en: string; ask: { 'zh-CN': string; en: string } }[] = [
  { field: 'owner', present: (c) => !!c.owner?.trim(), 'zh-CN': '户主/法人', en: 'owner', ask: { 'zh-CN': '户主/法人姓名', en: "the owner's name" } },
  { field: 'address', present: (c) => !!c.address?.trim(), 'zh-CN': '经营地址', en: 'address', ask: { 'zh-CN': '经营地址', en: 'the business address' } },
  { field: 'birthday', present: (c) => !!c.birthday, 'zh-CN': '生日', en: 'birthday', ask: { 'zh-CN': '生日', en: 'a birthday' } },
  {
    field: 'phone',
    present: (c, ctx) => c.mobiles.length + c.phones.length > 0 || ctx.contacts.some((k) => k.mobiles.length + k.phones.length > 0),
    'zh-CN': '联系电话',
    en: 'phone',
    ask: { 'zh-CN': '联系电话', en: 'a phone number' },
  },
];

/** Archive fields still empty: ask for them while talking anyway. Housekeeping, so the lowest priority. */
export const archiveMissing: TalkingRule = {
  id: 'archive-missing',
  priority: 20,
  evaluate(ctx) {
    const missing = ARCHIVE_FIELDS.filter((f) => !f.present(ctx.customer, ctx));
    if (missing.length === 0) return [];
    const fields = missing.map((f) => f.field);
    return [
      makePoint(archiveMissing, fields.join(','), {
        tone: 'info',
        data: { fields },
        text: both((l) =>
          l === 'en'
            ? `Complete the profile while you talk: ask for ${list(missing.map((f) => f.ask[l]), l)}`
            : `顺便补全档案：问一下${list(missing.map((f) => f.ask[l]), l)}`,
        ),
        because: both((l) =>
          l === 'en' ? `Missing from the profile: ${missing.map((f) => f[l]).join(', ')}` : `档案缺少：${missing.map((f) => f[l]).join('、')}`,
        ),
      }),
    ];
  },
};
