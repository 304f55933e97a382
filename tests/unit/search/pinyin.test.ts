import { describe, expect, it } from 'vitest';
import { GROUP, ITEM, SEARCH_GROUPS } from '../../../lib/search/index';
import { customerSearchText, pinyinKeys, type SearchableCustomer } from '../../../lib/search/pinyin';

describe('pinyinKeys', () => {
  it.each([
    // typical shop and company names
    ['张记便利店', 'zhangjibianlidian', 'zjbld'],
    ['李记烟酒商行', 'lijiyanjiushanghang', 'ljyjsh'],
    ['好邻居超市', 'haolinjuchaoshi', 'hljcs'],
    ['杭州鑫隆贸易有限公司', 'hangzhouxinlongmaoyiyouxiangongsi', 'hzxlmyyxgs'],
    // polyphones read in context
    ['中国银行', 'zhongguoyinhang', 'zgyh'],
    ['长沙银行', 'changshayinhang', 'csyh'],
    ['重庆火锅店', 'chongqinghuoguodian', 'cqhgd'],
    ['银行行长', 'yinhanghangzhang', 'yhhz'],
    ['解放路便利店', 'jiefanglubianlidian', 'jflbld'],
    ['乐乐超市', 'lelechaoshi', 'llcs'],
    // "surname + 记/氏": the surname reading of the first character
    ['单记超市', 'shanjichaoshi', 'sjcs'],
    ['曾氏食杂店', 'zengshishizadian', 'zsszd'],
    ['解记烟酒店', 'xiejiyanjiudian', 'xjyjd'],
    ['区记商店', 'oujishangdian', 'ojsd'],
    ['查氏超市', 'zhashichaoshi', 'zscs'],
    // Latin letters and digits kept whole, lower-cased; spaces and punctuation dropped
    ['ABC商行123', 'abcshanghang123', 'abcsh123'],
    ['7-Eleven便利店', '7elevenbianlidian', '7elevenbld'],
    ['张记(文三路店)', 'zhangjiwensanludian', 'zjwsld'],
    ['ＡＢＣ超市', 'abcchaoshi', 'abccs'],
    ['Seven Eleven', 'seveneleven', 'seveneleven'],
    ['', '', ''],
  ])('%s → %s / %s', (text, full, initials) => {
    expect(pinyinKeys(text)).toEqual({ full, initials });
  });
});

const customer = (over: Partial<SearchableCustomer> = {}): SearchableCustomer => ({
  name: '张记便利店',
  aliases: [],
  mobiles: [],
  phones: [],
  emails: [],
  ...over,
});

describe('customerSearchText', () => {
  const full = customer({
    name: '张记便利店',
    aliases: ['老张记'],
    licenceNo: '330106123456',
    customerCode: 'KH0042',
    uscc: '91330106MA27XU2Q3X',
    mobiles: ['13800001234'],
    phones: ['0571-8888 6666'],
    emails: ['Zhang@Example.com'],
    owner: '张三',
    address: '杭州市西湖区文三路123号',
  });
  const text = customerSearchText(full);
  const groups = text.split(GROUP).map((g) => (g ? g.split(ITEM) : []));

  it('lays the text out in five groups: name · name pinyin · aliases · identifiers · owner and address', () => {
    expect(groups).toEqual([
      ['张记便利店'],
      ['zhangjibianlidian', 'zjbld'],
      ['老张记', 'laozhangji', 'lzj'],
      ['330106123456', 'kh0042', '91330106ma27xu2q3x', '13800001234', '057188886666', 'zhang@example.com'],
      ['张三', '杭州市西湖区文三路123号'],
    ]);
  });

  it('always has every group, even for a bare customer', () => {
    const bare = customerSearchText(customer({ name: 'Mart' }));
    expect(bare.split(GROUP)).toHaveLength(SEARCH_GROUPS);
    // an all-Latin name has no separate pinyin
    expect(bare).toBe(['mart', '', '', '', ''].join(GROUP));
  });

  it('folds full-width characters and case, and drops control characters', () => {
    const t = customerSearchText(customer({ name: 'ＡＢＣ\u0001超市\u0002', customerCode: 'ＫＨ００１', emails: ['A@B.CN'] }));
    expect(t.split(GROUP)[0]).toBe('abc超市');
    expect(t.split(GROUP)[3]).toBe(['kh001', 'a@b.cn'].join(ITEM));
    expect(t.split(GROUP)).toHaveLength(SEARCH_GROUPS);
  });

  it('leaves out duplicates (alias equal to the name, repeated mobile) but keeps identifiers', () => {
    const t = customerSearchText(customer({ name: 'C0042', aliases: ['C0042'], customerCode: 'C0042', mobiles: ['13800001234', '13800001234'] }));
    expect(t.split(GROUP)).toEqual(['c0042', '', '', ['c0042', '13800001234'].join(ITEM), '']);
  });

  it('stays small: a typical tobacco shop takes well under 160 UTF-16 units', () => {
    expect(text.length).toBeLessThan(160);
    expect(text.length).toBeGreaterThan(100);
  });
});
