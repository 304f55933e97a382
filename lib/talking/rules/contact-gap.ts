import { toYmd } from '../../dates';
import type { InteractionKind } from '../../model';
import { common } from '../../i18n/common';
import { both, day, days, makePoint, perDay } from '../text';
import type { TalkingRule } from '../types';

/**
 * What counts as being in touch: a visit, a call or an email, each a conversation with the customer.
 * Orders are the customer's own doing in the ordering system and notes are the manager's memos, so
 * neither keeps the relationship warm.
 */
export const CONTACT_KINDS: readonly InteractionKind[] = ['visit', 'call', 'email'];

/**
 * No contact of any kind for longer than the customer's cadence interval (exactly the interval is
 * still fine): a call to ask how things are goes a long way. Counted from creation when never contacted.
 */
export const contactGap: TalkingRule = {
  id: 'contact-gap',
  priority: 45,
  evaluate(ctx, p) {
    let last: number | undefined;
    let kind: InteractionKind | undefined;
    for (const k of CONTACT_KINDS) {
      const at = p.lastAt[k];
      if (at !== undefined && (last === undefined || at > last)) [last, kind] = [at, k];
    }
    const { intervalDays } = p.cadence;
    const gap = p.daysSince(last ?? ctx.customer.createdAt);
    if (gap <= intervalDays) return [];
    return [
      makePoint(contactGap, last === undefined ? 'never' : toYmd(last), {
        tone: 'attention',
        bonus: perDay(gap - intervalDays),
        at: last,
        text: both((l) =>
          l === 'en'
            ? `No contact for ${days(gap, l)}, longer than the ${intervalDays}-day cadence: call to catch up`
            : `已经 ${days(gap, l)}没有联系，超过 ${days(intervalDays, l)}的周期，先打个电话问候近况`,
        ),
        because: both((l) => {
          if (last === undefined) {
            const created = day(ctx.customer.createdAt, l, ctx.now);
            return l === 'en' ? `Created on ${created}; no visit, call or email recorded since` : `${created} 建档，至今没有拜访、电话或邮件记录`;
          }
          const word = common[`interaction.${kind!}`][l];
          const on = day(last, l, ctx.now);
          return l === 'en' ? `Last contact: ${word.toLowerCase()} on ${on} (visits, calls and emails count)` : `最近一次联系是 ${on} 的${word}（拜访、电话、邮件都算）`;
        }),
      }),
    ];
  },
};
