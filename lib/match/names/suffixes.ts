/**
 * Data for name normalisation: the legal and shop suffixes taken off a name's end, and the
 * administrative-region words taken off its start. Kept as data so that adding a word is one line.
 */

/**
 * Suffix classes, one bit each. Two names whose suffixes differ only in generic words (a legal form,
 * 店, 商行) are compatible ("张记烟酒商行" ≈ "张记烟酒店"); two names that each carry a specific trade
 * and share none ("张记便利店" / "张记超市") conflict, which lowers the match (often another shop).
 */
export const SUFFIX = {
  /** generic: legal forms (有限公司, Co., Ltd.) */
  legal: 1,
  /** generic: shop, store, trading house (店, 商店, 商行, 经营部) */
  shop: 2,
  convenience: 4,
  supermarket: 8,
  tobacco: 16,
  grocery: 32,
  department: 64,
  pharmacy: 128,
  restaurant: 256,
} as const;

/** Suffix bits that say what trade a shop is in (everything but the generic legal and shop words). */
export const SPECIFIC_SUFFIXES = ~(SUFFIX.legal | SUFFIX.shop) & 0xffff;

const { legal, shop, convenience, supermarket, tobacco, grocery, department, pharmacy, restaurant } = SUFFIX;

/**
 * Chinese suffixes with their classes and (toneless, run-together) pinyin. The pinyin lets a Latin
 * query drop the same suffix ("zhangjibianlidian" → "zhangji"). Matched longest first, repeatedly, so
 * "鑫隆烟酒商行有限公司" loses 有限公司, then 商行, then 烟酒.
 */
export const HAN_SUFFIXES: readonly { text: string; classes: number; pinyin?: string }[] = [
  { text: '股份有限公司', classes: legal, pinyin: 'gufenyouxiangongsi' },
  { text: '有限责任公司', classes: legal, pinyin: 'youxianzerengongsi' },
  { text: '集团有限公司', classes: legal, pinyin: 'jituanyouxiangongsi' },
  { text: '有限公司', classes: legal, pinyin: 'youxiangongsi' },
  { text: '个体工商户', classes: legal, pinyin: 'getigongshanghu' },
  { text: '集团', classes: legal, pinyin: 'jituan' },
  { text: '公司', classes: legal, pinyin: 'gongsi' },
  { text: '便利超市', classes: convenience | supermarket, pinyin: 'bianlichaoshi' },
  { text: '生活超市', classes: supermarket, pinyin: 'shenghuochaoshi' },
  { text: '购物广场', classes: supermarket, pinyin: 'gouwuguangchang' },
  { text: '购物中心', classes: supermarket, pinyin: 'gouwuzhongxin' },
  { text: '超市', classes: supermarket, pinyin: 'chaoshi' },
  { text: '便利店', classes: convenience | shop, pinyin: 'bianlidian' },
  { text: '便民店', classes: convenience | shop, pinyin: 'bianmindian' },
  { text: '便利', classes: convenience, pinyin: 'bianli' },
  { text: '便民', classes: convenience, pinyin: 'bianmin' },
  { text: '名烟名酒', classes: tobacco, pinyin: 'mingyanmingjiu' },
  { text: '烟酒商行', classes: tobacco | shop, pinyin: 'yanjiushanghang' },
  { text: '烟酒店', classes: tobacco | shop, pinyin: 'yanjiudian' },
  { text: '烟酒行', classes: tobacco | shop, pinyin: 'yanjiuhang' },
  { text: '烟酒', classes: tobacco, pinyin: 'yanjiu' },
  { text: '烟草', classes: tobacco, pinyin: 'yancao' },
  { text: '食杂店', classes: grocery | shop, pinyin: 'shizadian' },
  { text: '杂货店', classes: grocery | shop, pinyin: 'zahuodian' },
  { text: '副食店', classes: grocery | shop, pinyin: 'fushidian' },
  { text: '食杂', classes: grocery, pinyin: 'shiza' },
  { text: '杂货', classes: grocery, pinyin: 'zahuo' },
  { text: '副食', classes: grocery, pinyin: 'fushi' },
  { text: '日杂', classes: grocery, pinyin: 'riza' },
  { text: '粮油', classes: grocery, pinyin: 'liangyou' },
  { text: '百货商店', classes: department | shop, pinyin: 'baihuoshangdian' },
  { text: '百货店', classes: department | shop, pinyin: 'baihuodian' },
  { text: '百货', classes: department, pinyin: 'baihuo' },
  { text: '大药房', classes: pharmacy, pinyin: 'dayaofang' },
  { text: '药房', classes: pharmacy, pinyin: 'yaofang' },
  { text: '药店', classes: pharmacy | shop, pinyin: 'yaodian' },
  { text: '饭店', classes: restaurant | shop, pinyin: 'fandian' },
  { text: '餐厅', classes: restaurant, pinyin: 'canting' },
  { text: '酒家', classes: restaurant, pinyin: 'jiujia' },
  { text: '商贸', classes: shop, pinyin: 'shangmao' },
  { text: '贸易', classes: shop, pinyin: 'maoyi' },
  { text: '经营部', classes: shop, pinyin: 'jingyingbu' },
  { text: '门市部', classes: shop, pinyin: 'menshibu' },
  { text: '批发部', classes: shop, pinyin: 'pifabu' },
  { text: '商行', classes: shop, pinyin: 'shanghang' },
  { text: '商店', classes: shop, pinyin: 'shangdian' },
  { text: '商铺', classes: shop, pinyin: 'shangpu' },
  { text: '小卖部', classes: shop, pinyin: 'xiaomaibu' },
  { text: '小店', classes: shop, pinyin: 'xiaodian' },
  { text: '店', classes: shop, pinyin: 'dian' },
];

/**
 * Latin suffix words, taken off the end of a name written in Latin letters, word by word ("Zhang Ji
 * Store", "Acme Trading Co., Ltd.", "Zhangji Bianlidian"). Only whole words: "Tesco" keeps its "co".
 * Pinyin words are those of the Chinese suffixes, as people spell them in email signatures.
 */
export const LATIN_SUFFIX_WORDS: readonly { words: string; classes: number }[] = [
  { words: 'co ltd', classes: legal },
  { words: 'company limited', classes: legal },
  { words: 'co limited', classes: legal },
  { words: 'ltd', classes: legal },
  { words: 'limited', classes: legal },
  { words: 'inc', classes: legal },
  { words: 'incorporated', classes: legal },
  { words: 'corp', classes: legal },
  { words: 'corporation', classes: legal },
  { words: 'company', classes: legal },
  { words: 'co', classes: legal },
  { words: 'llc', classes: legal },
  { words: 'group', classes: legal },
  { words: 'convenience store', classes: convenience | shop },
  { words: 'convenience', classes: convenience },
  { words: 'supermarket', classes: supermarket },
  { words: 'mart', classes: supermarket },
  { words: 'grocery', classes: grocery },
  { words: 'groceries', classes: grocery },
  { words: 'pharmacy', classes: pharmacy },
  { words: 'store', classes: shop },
  { words: 'shop', classes: shop },
  { words: 'trading', classes: shop },
  { words: 'youxian gongsi', classes: legal },
  { words: 'youxiangongsi', classes: legal },
  { words: 'gongsi', classes: legal },
  { words: 'bianlidian', classes: convenience | shop },
  { words: 'bianli dian', classes: convenience | shop },
  { words: 'chaoshi', classes: supermarket },
  { words: 'shanghang', classes: shop },
  { words: 'shangdian', classes: shop },
  { words: 'yanjiu', classes: tobacco },
  { words: 'yanjiudian', classes: tobacco | shop },
  { words: 'dian', classes: shop },
];

/**
 * Leading administrative regions: a run of 2–7 Han characters ending in a region word. Taken off the
 * start one at a time ("深圳市南山区…" → "南山区…" → "…"). Lookbehinds keep words that merely end in
 * such a character (超市, 小区, 社区) from being read as regions.
 */
export const REGION_PATTERNS: readonly RegExp[] = [
  /^\p{Script=Han}{2,7}?(?:省|自治区|特别行政区)/u,
  /^\p{Script=Han}{2,4}?(?:(?<![超都城门])市(?!场)|地区|自治州|盟)/u,
  /^\p{Script=Han}{2,4}?(?:(?<![社小园景校厂矿商街城营])区|县|旗)/u,
  /^\p{Script=Han}{2,4}?(?:镇|乡|街道)/u,
];

/** Trailing branch designators: "123号店", "第二分店"; the digits are the branch. */
export const NUMBERED_BRANCH = /(?:第)?([0-9]+|[一二三四五六七八九十百零〇两]+)号?(?:分店|门店|店|分部)$/u;
/** Trailing named branches: "深圳分行", "南山分店"; the two or three characters before the word are the branch. */
export const NAMED_BRANCH = /(\p{Script=Han}{2}(?:[市区县])?)(?:分公司|分行|支行|分店|营业部|门店|营业厅)$/u;
