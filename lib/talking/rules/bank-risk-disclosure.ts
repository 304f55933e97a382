import type { Customer } from '../../model';
import { both, makePoint, quote } from '../text';
import type { TalkingRule, TalkingSettings } from '../types';

/**
 * Words that only a bank customer's record carries: product holdings, credit and banking segments.
 * Deliberately narrow: a tobacco shop's record also names its bank (开户银行, 对公账户 for settlement),
 * so 银行, bank and 对公 alone are not evidence.
 */
export const BANK_WORDS: readonly string[] = [
  '授信', '贷款', '信贷', '贷后', '按揭', '理财', '存款', '对公客户', '零售银行', '私人银行', '私行',
  'loan', 'deposit', 'credit line', 'wealth', 'private bank', 'corporate banking', 'retail banking',
];

/**
 * Whether the customer is a bank's customer, and the evidence. The industry setting decides when set
 * (one manager, one industry); unset, the record decides: segment, business type or a custom field's
 * name or value holding one of BANK_WORDS (the note is free text and is not read).
 */
export function bankEvidence(c: Pick<Customer, 'segment' | 'businessType' | 'custom'>, settings?: TalkingSettings): { setting: true } | { field: string } | undefined {
  if (settings?.industry) return settings.industry === 'bank' ? { setting: true } : undefined;
  const has = (s: string | undefined) => !!s && BANK_WORDS.some((w) => s.toLowerCase().includes(w));
  if (has(c.segment)) return { field: c.segment! };
  if (has(c.businessType)) return { field: c.businessType! };
  for (const [key, value] of Object.entries(c.custom ?? {})) if (has(key) || has(value)) return { field: key };
  return undefined;
}

/** For bank customers, a standing reminder of the professional duty to disclose product risk honestly. */
export const bankRiskDisclosure: TalkingRule = {
  id: 'bank-risk-disclosure',
  priority: 30,
  evaluate(ctx) {
    const evidence = bankEvidence(ctx.customer, ctx.settings);
    if (!evidence) return [];
    return [
      makePoint(bankRiskDisclosure, '', {
        tone: 'info',
        text: both((l) =>
          l === 'en'
            ? "When presenting a product, state its risks honestly: don't promise returns or guarantee the principal, and check it suits the customer's risk tolerance"
            : '介绍产品时如实说明风险：不承诺收益、不说保本，确认产品适合客户的风险承受能力',
        ),
        because: both((l) => {
          if ('setting' in evidence) return l === 'en' ? 'Bank customer (settings: industry is banking)' : '银行客户（设置：行业为银行）';
          return l === 'en' ? `Bank customer (profile: ${quote(evidence.field, l)})` : `银行客户（档案：${quote(evidence.field, l)}）`;
        }),
      }),
    ];
  },
};
