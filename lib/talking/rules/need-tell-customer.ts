import type { Locale } from '../../i18n';
import type { Need } from '../../model';
import { both, clip, day, days, makePoint, perDay, quote } from '../text';
import type { TalkingRule } from '../types';

/** 诉求 / 投诉 in the sentence. */
export const needWord = (need: Pick<Need, 'kind'>, l: Locale): string =>
  l === 'en' ? (need.kind === 'complaint' ? 'complaint' : 'need') : need.kind === 'complaint' ? '投诉' : '诉求';

/**
 * A resolved need the customer has not been told about (domain.md §5: a need is closed only when the
 * customer knows the result). The most important thing to say, so the highest priority; the longest
 * waiting first.
 */
export const needTellCustomer: TalkingRule = {
  id: 'need-tell-customer',
  priority: 100,
  evaluate(ctx, p) {
    return p.openNeeds
      .filter((n) => n.status === 'resolved')
      .map((need) => {
        const waited = need.resolvedAt === undefined ? 0 : Math.max(0, p.daysSince(need.resolvedAt));
        const what = clip(need.description);
        const resolution = need.resolution ? clip(need.resolution, 40) : '';
        return makePoint(needTellCustomer, need.id, {
          tone: 'urgent',
          bonus: perDay(waited),
          at: need.resolvedAt ?? need.updatedAt,
          data: { needId: need.id },
          text: both((l) =>
            l === 'en'
              ? `Tell the customer the outcome of the ${needWord(need, l)} ${quote(what, l)}${resolution ? `: ${resolution}` : ''}`
              : `告诉客户${needWord(need, l)}${quote(what, l)}的处理结果${resolution ? `：${resolution}` : ''}`,
          ),
          because: both((l) => {
            const when = need.resolvedAt === undefined ? '' : day(need.resolvedAt, l, ctx.now);
            if (l === 'en') {
              const wait = waited >= 2 ? ` (${days(waited, l)} ago)` : '';
              return `The ${needWord(need, l)} ${quote(what, l)} was resolved${when ? ` on ${when}${wait}` : ''}; the customer has not been told yet`;
            }
            const wait = waited >= 2 ? `（${days(waited, l)}前）` : '';
            return `${needWord(need, l)}${quote(what, l)}已${when ? `于 ${when}${wait || ' '}` : ''}解决，尚未告知客户`;
          }),
        });
      });
  },
};
