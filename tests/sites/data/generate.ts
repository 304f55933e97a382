/**
 * Deterministic demo data set: ~300 tobacco retail shops and ~40 bank corporate clients with a year of
 * history ending at `now`. Used by unit tests, the demo sites (tests/sites/server.ts), e2e and the demo.
 * Everything comes from a seeded PRNG so the same (seed, now) always gives byte-identical output.
 *
 * CLI: tsx tests/sites/data/generate.ts [out.json]   (default tests/.tmp/demo-data.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usccCheckChar } from '../../../lib/match/uscc';
import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from '../../../lib/model/backup';
import type { Contact, Customer } from '../../../lib/model/customer';
import type { Interaction, Need, OrderLine, Task } from '../../../lib/model/activity';

export const DEMO_SEED = 20251124;
/** Customer codes in the demo ordering system: `KH` + 8 digits (use as settings.customerCodePattern). */
export const DEMO_CUSTOMER_CODE_PATTERN = 'KH\\d{8}';
const DAY = 86_400_000;
const CN_OFFSET = 8 * 3_600_000; // dates are China calendar dates (UTC+8) whatever the machine's zone

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness and ids

/** cyrb128: a small, good-enough 128-bit string hash (4 × uint32). */
function hash128(str: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** UUID (v4 layout) derived from seed and key, so an id never depends on generation order. */
export function demoUuid(key: string, seed = DEMO_SEED): string {
  const hex = hash128(`${seed}:${key}`).map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** sfc32 PRNG. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: string | number) {
    [this.a, this.b, this.c, this.d] = hash128(String(seed));
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  /** k distinct items. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const copy = xs.slice();
    const out: T[] = [];
    while (out.length < k && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Dates

/** Start of the China calendar day containing t. */
export const cnDayStart = (t: number): number => Math.floor((t + CN_OFFSET) / DAY) * DAY - CN_OFFSET;
/** `YYYY-MM-DD` in China time. */
export const cnDate = (t: number): string => new Date(t + CN_OFFSET).toISOString().slice(0, 10);
const cnDateCompact = (t: number): string => cnDate(t).replace(/-/g, '');

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

const SURNAMES: [string, string][] = [
  ['张', 'zhang'], ['王', 'wang'], ['李', 'li'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['梁', 'liang'],
  ['郑', 'zheng'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['邓', 'deng'], ['冯', 'feng'], ['韩', 'han'],
  ['曹', 'cao'], ['曾', 'zeng'], ['彭', 'peng'], ['蔡', 'cai'], ['潘', 'pan'], ['田', 'tian'], ['董', 'dong'],
  ['袁', 'yuan'], ['叶', 'ye'], ['蒋', 'jiang'], ['杜', 'du'], ['苏', 'su'], ['魏', 'wei'], ['程', 'cheng'],
  ['丁', 'ding'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['钟', 'zhong'], ['谭', 'tan'], ['范', 'fan'],
  ['廖', 'liao'], ['方', 'fang'], ['邹', 'zou'], ['熊', 'xiong'], ['邱', 'qiu'], ['侯', 'hou'], ['江', 'jiang'],
  ['温', 'wen'], ['赖', 'lai'], ['欧阳', 'ouyang'], ['古', 'gu'], ['严', 'yan'], ['莫', 'mo'],
];
const GIVEN: [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['建', 'jian'], ['国', 'guo'], ['文', 'wen'], ['红', 'hong'],
  ['玉', 'yu'], ['兰', 'lan'], ['志', 'zhi'], ['海', 'hai'], ['春', 'chun'], ['晓', 'xiao'], ['辉', 'hui'],
  ['鹏', 'peng'], ['斌', 'bin'], ['婷', 'ting'], ['欣', 'xin'], ['宇', 'yu'], ['浩', 'hao'], ['佳', 'jia'],
  ['俊', 'jun'], ['嘉', 'jia'], ['梅', 'mei'], ['琳', 'lin'], ['雪', 'xue'], ['燕', 'yan'], ['凯', 'kai'],
  ['峰', 'feng'], ['晨', 'chen'], ['东', 'dong'], ['思', 'si'], ['振', 'zhen'], ['德', 'de'], ['荣', 'rong'],
  ['锦', 'jin'], ['坤', 'kun'], ['永', 'yong'], ['泽', 'ze'],
];

interface District {
  code: string; // licence area code (first six digits)
  city: string;
  name: string;
  roads: string[];
  market: ('城市' | '城镇' | '乡村')[];
  villages?: string[];
}
const DISTRICTS: District[] = [
  { code: '440303', city: '深圳市', name: '罗湖区', roads: ['东门中路', '人民南路', '深南东路', '宝安南路', '翠竹路', '布心路', '太宁路'], market: ['城市'] },
  { code: '440304', city: '深圳市', name: '福田区', roads: ['华强北路', '振华路', '福华三路', '景田路', '梅林路', '莲花路', '新洲路', '石厦北街'], market: ['城市'] },
  { code: '440305', city: '深圳市', name: '南山区', roads: ['南海大道', '南新路', '桃园路', '蛇口工业二路', '沙河西路', '科苑路', '前海路'], market: ['城市'] },
  { code: '440306', city: '深圳市', name: '宝安区', roads: ['建安一路', '新安六路', '沙井大街', '松岗大道', '福永大道', '西乡大道'], market: ['城市', '城镇'], villages: ['沙井街道新桥村', '松岗街道罗田村', '石岩街道上屋村'] },
  { code: '440307', city: '深圳市', name: '龙岗区', roads: ['龙岗大道', '布吉路', '横岗大道', '坂田五和大道', '平湖大街', '坪地中心路'], market: ['城镇', '乡村'], villages: ['坪地街道坪西村', '园山街道西坑村', '宝龙街道同乐村'] },
  { code: '440309', city: '深圳市', name: '龙华区', roads: ['人民路', '民治大道', '观澜大道', '大浪南路', '东环二路'], market: ['城市', '城镇'], villages: ['观澜街道牛湖村', '福城街道章阁村'] },
  { code: '440106', city: '广州市', name: '天河区', roads: ['天河路', '体育西路', '石牌东路', '中山大道西', '龙口西路', '黄埔大道西'], market: ['城市'] },
];

const BUSINESS_TYPES: { type: string; weight: number; suffixes: string[] }[] = [
  { type: '烟酒店', weight: 30, suffixes: ['烟酒店', '烟酒商行', '名烟名酒', '烟酒行'] },
  { type: '便利店', weight: 28, suffixes: ['便利店', '便利超市', '24小时便利店'] },
  { type: '超市', weight: 18, suffixes: ['超市', '百货超市', '购物广场', '生活超市'] },
  { type: '食杂店', weight: 18, suffixes: ['食杂店', '士多店', '商店', '小卖部'] },
  { type: '商场', weight: 6, suffixes: ['商场', '百货商场', '购物中心'] },
];
const SHOP_WORDS = [
  '鑫隆', '好又多', '旺佳', '万家福', '金源', '华联', '惠民', '百佳', '利民', '永兴', '福满多', '顺发', '宏达', '兴旺',
  '佳乐', '家家乐', '聚福', '盛源', '富源', '金福', '祥和', '恒丰', '益民', '好邻居', '天天', '德诚', '合兴', '康乐',
  '广源', '友谊', '岭南', '海港', '南方', '荔园', '梅林', '华强', '东门', '蛇口', '西乡', '沙井', '松岗', '布吉',
  '坂田', '横岗', '平湖', '坪地', '新联', '万福', '鸿运', '发达', '众信', '嘉禾', '喜洋洋', '乐家', '如意', '大众',
  '新民', '锦绣', '泰和', '长盛', '红运', '福临门', '四季', '隆昌', '昌盛', '鼎盛', '美佳', '福星', '宝华', '新星',
];

/** Cigarette products with the wholesale price per carton (条) a retailer pays. */
const PRODUCTS: { name: string; price: number; tier: number }[] = [
  { name: '中华(硬)', price: 389.0, tier: 3 },
  { name: '中华(软)', price: 594.0, tier: 3 },
  { name: '玉溪(软)', price: 196.1, tier: 2 },
  { name: '双喜(硬经典)', price: 84.8, tier: 1 },
  { name: '双喜(软经典)', price: 63.6, tier: 1 },
  { name: '双喜(硬世纪经典)', price: 106.0, tier: 1 },
  { name: '芙蓉王(硬)', price: 217.3, tier: 2 },
  { name: '云烟(紫)', price: 95.4, tier: 1 },
  { name: '云烟(软珍品)', price: 184.2, tier: 2 },
  { name: '黄鹤楼(软蓝)', price: 165.4, tier: 2 },
  { name: '黄鹤楼(硬金砂)', price: 127.2, tier: 2 },
  { name: '利群(新版)', price: 121.9, tier: 1 },
  { name: '利群(阳光)', price: 190.8, tier: 2 },
  { name: '红塔山(经典1956)', price: 84.8, tier: 1 },
  { name: '南京(炫赫门)', price: 154.6, tier: 2 },
  { name: '南京(红)', price: 106.0, tier: 1 },
  { name: '白沙(硬精品二代)', price: 100.7, tier: 1 },
  { name: '钻石(荷花)', price: 318.0, tier: 3 },
  { name: '七匹狼(纯境)', price: 132.5, tier: 2 },
  { name: '红双喜(硬百年)', price: 148.4, tier: 2 },
  { name: '娇子(宽窄好运)', price: 110.2, tier: 1 },
  { name: '贵烟(跨越)', price: 180.2, tier: 2 },
  { name: '黄金叶(天叶)', price: 848.0, tier: 3 },
  { name: '冬虫夏草(和润)', price: 636.0, tier: 3 },
];

const SHOP_VISIT_NOTES = [
  '店内{p1}库存约{n}条，{p2}已断货，提醒本周订货时补足。',
  '告知{p1}新品上市，{owner}表示可先试订{n}条。',
  '检查明码标价，{p1}零售价与指导价一致，价签规范。',
  '了解近一周销量，日均约{n}条，周末客流明显较多。',
  '传达{p1}价格调整通知，提醒按新价执行。',
  '告知{p2}本周断货预警，建议调整订货结构，增加{p1}。',
  '店面重新装修，卷烟柜台移到收银台旁，陈列效果改善。',
  '{owner}反映附近新开一家便利店，客流有所下降，建议加强会员活动。',
  '指导使用网上订货手机端，{owner}已能独立完成订货。',
  '核对上月结算，无异议；提醒按时足额存款以免扣款失败。',
  '协助整理柜台陈列，{p1}放在主视线位置。',
  '宣传真假烟鉴别要点，提醒不从非正规渠道进货。',
];
const SHOP_CALL_NOTES = [
  '电话回访：{owner}对送货及时性满意，希望{p1}多投放一些。',
  '电话提醒下周一订货截止时间为中午12点。',
  '电话确认{p1}到货情况，无破损。',
  '回访上次反映的问题，{owner}表示已解决，满意。',
  '节日问候，顺便了解节前备货计划，预计增加{n}条。',
  '电话通知{p2}断货预警，建议提前备货。',
];
const SHOP_NOTES = [
  '{owner}的孩子今年高考，下次拜访可以聊聊。',
  '店铺计划春节后扩大营业面积，可能增加烟柜。',
  '周三下午店主通常不在，拜访宜安排在上午。',
  '{owner}对高端烟需求增长明显，可关注礼盒装。',
  '店员换人，新店员对订货流程不熟悉，需再指导。',
  '夫妻两人轮班经营，晚上由{owner}看店。',
];
const SHOP_NEEDS: { kind: 'need' | 'complaint'; text: string; resolution: string }[] = [
  { kind: 'need', text: '希望增加{p1}的货源投放量', resolution: '已向市场部申请，下周起每周增加2条' },
  { kind: 'complaint', text: '反映{p1}连续两周断货，影响销售', resolution: '货源已到，本周订单已满足' },
  { kind: 'complaint', text: '投诉上周送货延迟一天，未提前通知', resolution: '物流中心已调整线路，并承诺提前短信通知' },
  { kind: 'need', text: '申请更换订货绑定手机号', resolution: '已在系统中更新绑定手机号' },
  { kind: 'need', text: '咨询新版零售终端设备的领用办法', resolution: '已登记，设备将于下次送货时一并送达' },
  { kind: 'need', text: '希望参加{p1}陈列奖励活动', resolution: '已报名，陈列验收通过后发放奖励' },
  { kind: 'complaint', text: '反映收到的{p2}外包装破损2条', resolution: '已安排退换货，损失由物流承担' },
  { kind: 'need', text: '申请调整档位，认为近期销量已明显增长', resolution: '已提交档位复核，按季度考核结果调整' },
];
const SHOP_TASKS = [
  '回复{owner}关于{p1}投放量的申请结果',
  '上门指导网上订货手机端使用',
  '核实{p2}破损退换进度并告知客户',
  '检查价签规范情况',
  '提醒{owner}续办专卖许可证（明年到期）',
  '送达新品{p1}宣传资料',
];

interface Industry {
  word: string;
  en: string;
  type: string;
}
const INDUSTRIES: Industry[] = [
  { word: '精密制造', en: 'mfg', type: '制造业' },
  { word: '电子科技', en: 'tech', type: '电子信息' },
  { word: '智能装备', en: 'ie', type: '制造业' },
  { word: '供应链管理', en: 'scm', type: '物流' },
  { word: '国际物流', en: 'logistics', type: '物流' },
  { word: '进出口贸易', en: 'trade', type: '批发零售' },
  { word: '建设工程', en: 'build', type: '建筑业' },
  { word: '医疗器械', en: 'med', type: '医药' },
  { word: '新能源科技', en: 'energy', type: '新能源' },
  { word: '食品', en: 'food', type: '食品加工' },
  { word: '服饰', en: 'apparel', type: '纺织服装' },
  { word: '光电', en: 'opto', type: '电子信息' },
];
const COMPANY_WORDS: [string, string][] = [
  ['华南', 'hn'], ['鹏城', 'pc'], ['前海', 'qh'], ['粤海', 'yh'], ['星河', 'xh'], ['鼎泰', 'dt'], ['汇丰源', 'hfy'],
  ['中科', 'zk'], ['盛世', 'ss'], ['宏图', 'ht'], ['东方', 'df'], ['南粤', 'ny'], ['金鹏', 'jp'], ['天成', 'tc'],
  ['创新', 'cx'], ['海岸', 'ha'], ['联合', 'lh'], ['卓越', 'zy'], ['嘉信', 'jx'], ['恒通', 'htong'],
];
const COMPANY_PINYIN: Record<string, string> = {
  精密制造: 'jm', 电子科技: 'dz', 智能装备: 'zn', 供应链管理: 'gyl', 国际物流: 'gj', 进出口贸易: 'jck',
  建设工程: 'js', 医疗器械: 'yl', 新能源科技: 'xny', 食品: 'sp', 服饰: 'fs', 光电: 'gd',
};
const BANK_ROLES: { role: Contact['role']; titles: string[] }[] = [
  { role: 'decision_maker', titles: ['董事长', '总经理'] },
  { role: 'influencer', titles: ['财务总监', '副总经理', '董事会秘书'] },
  { role: 'user', titles: ['财务经理', '出纳', '会计主管'] },
  { role: 'blocker', titles: ['法务经理', '风控总监'] },
];
const BANK_EMAIL_SUBJECTS: [string, string][] = [
  ['关于流动资金贷款续贷材料', '续贷所需的近三年审计报告和最新一期财务报表已整理好，请查收附件，如需补充请告知。'],
  ['上月对账单核对', '我司核对了上月对账单，有两笔代发工资的手续费与合同约定不一致，麻烦帮忙查一下。'],
  ['代发工资名单更新', '本月新入职员工12人，离职5人，更新后的代发名单已附上，请在25号前完成变更。'],
  ['银行承兑汇票开立申请', '我司拟开立一笔500万元的银行承兑汇票，期限6个月，请告知所需材料和保证金比例。'],
  ['跨境人民币结算咨询', '我们下季度有一批越南的进口订单，想了解跨境人民币结算的流程和费用。'],
  ['贷后检查资料补充', '上次贷后检查需要补充的水电费发票和纳税证明已扫描，请查收。'],
  ['年度授信方案沟通', '关于明年的综合授信方案，我们希望额度提高到3000万元，想约时间当面沟通。'],
  ['对公账户网银权限变更', '财务部人员调整，需要变更网银操作员和复核员权限，请告知办理流程。'],
  ['理财产品到期续作', '上月购买的结构性存款下周到期，想了解目前同期限产品的收益区间和风险等级。'],
  ['保函开立进度', '上周提交的投标保函申请目前进度如何？投标截止日是下周五。'],
];
const BANK_VISIT_NOTES = [
  '走访{company}，与{contact}沟通明年授信需求，初步意向额度2000万元。',
  '贷后检查：实地查看生产经营情况，订单饱满，库存正常，未见异常。',
  '与{contact}会面，介绍供应链金融产品，对方表示需要内部评估。',
  '陪同分行领导拜访，确认战略合作意向，约定下月签署合作协议。',
  '现场核实抵押物状况，厂房正常使用，无新增查封。',
  '向{contact}说明结构性存款的收益区间和风险，未作保本承诺。',
];
const BANK_CALL_NOTES = [
  '电话联系{contact}，确认续贷材料递交时间。',
  '电话回访{contact}，对网银升级后的使用体验满意。',
  '{contact}来电咨询票据贴现利率，已告知当前报价。',
  '提醒{contact}本月底贷款付息，请确保账户余额充足。',
];
const BANK_NEEDS: { kind: 'need' | 'complaint'; text: string; resolution: string }[] = [
  { kind: 'need', text: '申请流动资金贷款额度提升至800万元', resolution: '授信审批已通过，额度调整为800万元' },
  { kind: 'need', text: '希望开通跨境人民币结算业务', resolution: '已完成开户资料审核，业务已开通' },
  { kind: 'complaint', text: '对上月代发工资手续费有异议', resolution: '经核实系系统计费错误，已退还多收费用' },
  { kind: 'need', text: '需要出具年度资信证明', resolution: '资信证明已出具并寄送' },
  { kind: 'complaint', text: '反映网银转账限额调整后未收到通知', resolution: '已恢复原限额并致歉，后续变更提前通知' },
  { kind: 'need', text: '咨询设备抵押贷款的可行性', resolution: '已提供方案，评估费用由我行承担' },
];
const BANK_TASKS = [
  '贷后检查（季度）',
  '准备年度授信方案材料',
  '跟进{contact}的票据业务需求',
  '诉讼时效到期前发出催收函',
  '续贷材料审核并提交审批',
  '回复{contact}关于理财产品的咨询',
];

// ---------------------------------------------------------------------------------------------------------
// Scenario customers (fixed, so e2e tests and the demo script can name them)

const SHOP_SCENARIO_KEYS = ['order', 'husband', 'wife', 'alias', 'signature'] as const;
const shopKey = (i: number) => `customer:shop:${i}`;
const bankKey = (j: number) => `customer:bank:${j}`;

/** Stable facts about the hand-made scenario customers (valid for the default seed). */
export const DEMO_SCENARIOS = {
  seed: DEMO_SEED,
  customerCodePattern: DEMO_CUSTOMER_CODE_PATTERN,
  /** A core shop with weekly orders: open any of its orders or its customer page. */
  orderCustomerId: demoUuid(shopKey(0)),
  orderCustomerName: '深圳市南山区鑫隆烟酒商行',
  orderCustomerCode: 'KH30512001',
  orderCustomerLicence: '440305100123',
  /** A bank client whose contact wrote the newest inbox message. */
  mailCustomerId: demoUuid(bankKey(0)),
  mailCustomerName: '深圳市华南精密制造有限公司',
  mailContactId: demoUuid('contact:bank:0:1'),
  mailFromEmail: 'finance@hnjm-mfg.com',
  mailMessageId: demoUuid('interaction:scenario:mail'),
  /** Husband and wife, two shops, one shared mobile: a page showing it is ambiguous. */
  ambiguousMobile: '13923456780',
  ambiguousCustomerIds: [demoUuid(shopKey(1)), demoUuid(shopKey(2))] as [string, string],
  /** A shop known under other names. */
  aliasCustomerId: demoUuid(shopKey(3)),
  aliases: ['老陈烟酒', '陈记烟酒店'],
  /** Sender not in the data set, but the mobile in the signature belongs to this shop. */
  signatureCustomerId: demoUuid(shopKey(4)),
  signatureMobile: '13612345678',
  signatureFromEmail: 'wangjh.shop@unknown-mail.example',
  signatureMessageId: 'ext-signature',
  /** A newsletter from nobody we know. */
  unknownSenderEmail: 'newsletter@unknown-shop.example',
  unknownMessageId: 'ext-newsletter',
  /** The demo manager's own mailbox. */
  managerEmail: 'li.ming@bank-demo.example',
  managerName: '李明',
} as const;

interface ShopFixed {
  name: string;
  code: string;
  licence: string;
  owner: string;
  ownerPinyin: string;
  mobiles: string[];
  district: number;
  businessType: string;
  cls: number;
  aliases?: string[];
  email?: string;
  note?: string;
}
const SHOP_FIXED: Record<(typeof SHOP_SCENARIO_KEYS)[number], ShopFixed> = {
  order: {
    name: DEMO_SCENARIOS.orderCustomerName, code: DEMO_SCENARIOS.orderCustomerCode, licence: DEMO_SCENARIOS.orderCustomerLicence,
    owner: '陈建华', ownerPinyin: 'chenjianhua', mobiles: ['13825518866'], district: 2, businessType: '烟酒店', cls: 28,
  },
  husband: {
    name: '深圳市福田区好邻居便利店', code: 'KH30411002', licence: '440304200456', owner: '刘国强', ownerPinyin: 'liuguoqiang',
    mobiles: [DEMO_SCENARIOS.ambiguousMobile], district: 1, businessType: '便利店', cls: 18,
    note: '与梅林路的佳乐食杂店为夫妻店，妻子吴秀兰经营那家，两家共用一个手机号。',
  },
  wife: {
    name: '深圳市福田区佳乐食杂店', code: 'KH30411003', licence: '440304200457', owner: '吴秀兰', ownerPinyin: 'wuxiulan',
    mobiles: [DEMO_SCENARIOS.ambiguousMobile, '15012345679'], district: 1, businessType: '食杂店', cls: 12,
    note: '丈夫刘国强经营好邻居便利店，订货常由丈夫代为操作。',
  },
  alias: {
    name: '深圳市罗湖区陈氏烟酒商行', code: 'KH30311004', licence: '440303300789', owner: '陈志明', ownerPinyin: 'chenzhiming',
    mobiles: ['13798765432'], district: 0, businessType: '烟酒店', cls: 22, aliases: [...DEMO_SCENARIOS.aliases],
    email: 'laochen_yanjiu@163.com',
  },
  signature: {
    name: '深圳市宝安区旺佳超市', code: 'KH30611005', licence: '440306400321', owner: '王建辉', ownerPinyin: 'wangjianhui',
    mobiles: [DEMO_SCENARIOS.signatureMobile], district: 3, businessType: '超市', cls: 16,
  },
};

// ---------------------------------------------------------------------------------------------------------

export interface GenerateOptions {
  /** Number of tobacco retail shops (default 300). */
  customers?: number;
  /** Number of bank corporate clients (default 40). */
  bankClients?: number;
  /** End of the history (epoch ms). Default: start of today (China time). Pass it for stable tests. */
  now?: number;
  seed?: number;
}

const fill = (tpl: string, vars: Record<string, string | number>): string =>
  tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Order number kept in the order interaction's summary, e.g. DD20251124000123. */
export function orderNoOf(interaction: Pick<Interaction, 'kind' | 'summary'>): string | undefined {
  if (interaction.kind !== 'order') return undefined;
  return /\bDD\d{14}\b/.exec(interaction.summary ?? '')?.[0];
}

/** Newest order number of the order scenario customer (order numbers depend on `now`). */
export function demoScenarioOrderNo(data: Backup): string {
  let best: Interaction | undefined;
  for (const i of data.interactions)
    if (i.customerId === DEMO_SCENARIOS.orderCustomerId && i.kind === 'order' && (!best || i.at > best.at)) best = i;
  const no = best && orderNoOf(best);
  if (!no) throw new Error('order scenario customer has no orders');
  return no;
}

export function generateDemoData(options: GenerateOptions = {}): Backup {
  const { customers: shopCount = 300, bankClients = 40, seed = DEMO_SEED } = options;
  const now = options.now ?? cnDayStart(Date.now());
  const today = cnDayStart(now);
  const rng = new Rng(seed);
  const uid = (key: string) => demoUuid(key, seed);
  let serial = 0;
  const nextId = (kind: string) => uid(`${kind}:${serial++}`);

  const customers: Customer[] = [];
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  const needs: Need[] = [];
  const tasks: Task[] = [];

  // Uniqueness: reserve the scenario identifiers first so random ones never collide with them.
  const usedMobiles = new Set<string>();
  const usedCodes = new Set<string>();
  const usedLicences = new Set<string>();
  const usedNames = new Set<string>();
  for (const f of Object.values(SHOP_FIXED)) {
    f.mobiles.forEach((m) => usedMobiles.add(m));
    usedCodes.add(f.code);
    usedLicences.add(f.licence);
    usedNames.add(f.name);
  }
  const mobile = (): string => {
    for (;;) {
      const m = rng.pick(['13', '13', '15', '18', '17', '19', '14', '16']) + rng.int(0, 9) + rng.digits(8);
      if (/^1[3-9]\d{9}$/.test(m) && !usedMobiles.has(m)) {
        usedMobiles.add(m);
        return m;
      }
    }
  };
  const personName = (): { name: string; pinyin: string; surnamePinyin: string; givenPinyin: string } => {
    const [s, sp] = rng.pick(SURNAMES);
    const g = rng.sample(GIVEN, rng.chance(0.3) ? 1 : 2);
    const gp = g.map((x) => x[1]).join('');
    return { name: s + g.map((x) => x[0]).join(''), pinyin: sp + gp, surnamePinyin: sp, givenPinyin: gp };
  };
  const birthday = (): string =>
    `${rng.int(1960, 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const at = (daysAgo: number, hourFrom = 9, hourTo = 17): number =>
    today - daysAgo * DAY + rng.int(hourFrom * 60, hourTo * 60) * 60_000;
  const orderSeq = new Map<string, number>();

  // Needs and tasks share the same shape for shops and banks.
  const addNeeds = (customerId: string, pool: typeof SHOP_NEEDS, vars: Record<string, string | number>, count: number) => {
    // Distinct templates: a customer does not raise the same need twice at once.
    const order = pool.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let k = 0; k < Math.min(count, pool.length); k++) {
      const tpl = pool[order[k]];
      const status = rng.pick(['raised', 'in_progress', 'resolved', 'informed', 'informed'] as const);
      const raisedAt = at(rng.int(3, 60));
      const need: Need = {
        id: nextId('need'), customerId, kind: tpl.kind, description: fill(tpl.text, vars), status, raisedAt,
        due: cnDate(raisedAt + rng.int(7, 21) * DAY), updatedAt: raisedAt,
      };
      if (status === 'resolved' || status === 'informed') {
        need.resolution = fill(tpl.resolution, vars);
        need.resolvedAt = Math.min(now, raisedAt + rng.int(1, 10) * DAY);
        need.updatedAt = need.resolvedAt;
      }
      if (status === 'informed') {
        need.informedAt = Math.min(now, need.resolvedAt! + rng.int(0, 3) * DAY);
        need.informedChannel = rng.pick(['上门', '电话', '微信']);
        need.updatedAt = need.informedAt;
      }
      needs.push(need);
      if (status === 'raised' || status === 'in_progress') {
        tasks.push({
          id: nextId('task'), customerId, needId: need.id, title: `跟进：${need.description}`,
          due: need.due, status: 'open', createdAt: raisedAt, updatedAt: raisedAt,
        });
      }
    }
  };
  const addTasks = (customerId: string, pool: string[], vars: Record<string, string | number>, count: number) => {
    for (let k = 0; k < count; k++) {
      const createdAt = at(rng.int(1, 20));
      const done = rng.chance(0.3);
      tasks.push({
        id: nextId('task'), customerId, title: fill(rng.pick(pool), vars),
        due: cnDate(today + rng.int(-5, 14) * DAY), status: done ? 'done' : 'open',
        ...(done ? { doneAt: Math.min(now, createdAt + DAY) } : {}),
        createdAt, updatedAt: done ? Math.min(now, createdAt + DAY) : createdAt,
      });
    }
  };

  // ---- Tobacco retail shops -------------------------------------------------------------------------------
  const weights = BUSINESS_TYPES.reduce((s, b) => s + b.weight, 0);
  for (let i = 0; i < shopCount; i++) {
    const id = uid(shopKey(i));
    const fixed = i < SHOP_SCENARIO_KEYS.length ? SHOP_FIXED[SHOP_SCENARIO_KEYS[i]] : undefined;
    const district = DISTRICTS[fixed ? fixed.district : rng.int(0, DISTRICTS.length - 1)];
    let w = rng.next() * weights;
    let bt = BUSINESS_TYPES.find((x) => (w -= x.weight) < 0) ?? BUSINESS_TYPES[0];
    if (fixed) bt = BUSINESS_TYPES.find((b) => b.type === fixed.businessType)!;
    // ~5% core (25–30), ~25% potential (15–24), the rest ordinary.
    const r = rng.next();
    const cls = fixed?.cls ?? (r < 0.05 ? rng.int(25, 30) : r < 0.3 ? rng.int(15, 24) : rng.int(1, 14));
    const segment = cls >= 25 ? '核心客户' : cls >= 15 ? '潜力客户' : '普通客户';
    const market = rng.pick(district.market);
    const person = personName();
    const owner = fixed?.owner ?? person.name;
    const ownerPinyin = fixed?.ownerPinyin ?? person.pinyin;
    let name = fixed?.name ?? '';
    while (!name) {
      const word = rng.chance(0.15) ? `${owner.slice(0, 1) === '欧' ? '欧阳' : owner.slice(0, 1)}记` : rng.pick(SHOP_WORDS);
      const base = word + rng.pick(bt.suffixes);
      const candidate = rng.chance(0.6) ? `${district.city}${district.name}${base}` : rng.chance(0.5) ? `${district.name}${base}` : base;
      if (!usedNames.has(candidate)) usedNames.add((name = candidate));
    }
    let code = fixed?.code ?? '';
    while (!code) {
      const c = `KH${district.code.slice(3)}${rng.digits(5)}`;
      if (!usedCodes.has(c)) (code = c), usedCodes.add(c);
    }
    let licence = fixed?.licence ?? '';
    while (!licence) {
      const l = district.code + rng.digits(6);
      if (!usedLicences.has(l)) (licence = l), usedLicences.add(l);
    }
    const mobiles = fixed?.mobiles ?? [mobile(), ...(rng.chance(0.15) ? [mobile()] : [])];
    const village = market !== '城市' && district.villages ? rng.pick(district.villages) : '';
    const address = `${district.city}${district.name}${village}${rng.pick(district.roads)}${rng.int(1, 388)}号${rng.chance(0.3) ? `${rng.int(1, 30)}栋${rng.int(101, 120)}铺` : ''}`;
    const email = fixed?.email ?? (rng.chance(0.12) ? `${ownerPinyin}${rng.int(60, 99)}@${rng.pick(['163.com', 'qq.com', '126.com'])}` : undefined);
    const createdAt = today - rng.int(380, 900) * DAY;
    customers.push({
      id, name, aliases: fixed?.aliases ?? [], licenceNo: licence, customerCode: code, mobiles,
      phones: rng.chance(0.2) ? [`0755-${rng.int(2, 8)}${rng.digits(7)}`] : [], emails: email ? [email] : [],
      class: String(cls), segment, businessType: bt.type, marketType: market, address, owner, birthday: birthday(),
      importantDates: rng.chance(0.2) ? [{ label: '开业日', date: cnDate(createdAt - rng.int(0, 3000) * DAY) }] : [],
      custom: { 经营规模: rng.pick(['30㎡以下', '30–60㎡', '60–120㎡', '120㎡以上']) }, note: fixed?.note,
      createdAt, updatedAt: today - rng.int(1, 60) * DAY,
    });

    // Orders: weekly for core shops, every 7–10 days for potential ones, every 2–3 weeks for small shops
    // (keeps the file under 6 MB);
    // the order scenario shop ordered yesterday.
    const tierMax = cls >= 20 ? 3 : cls >= 10 ? 2 : 1;
    const range = PRODUCTS.filter((p) => p.tier <= tierMax);
    const usual = rng.sample(range, Math.min(range.length, 8));
    const gap = cls >= 25 ? [6, 8] : cls >= 15 ? [7, 10] : [14, 24];
    const maxLines = cls >= 15 ? 6 : 3;
    for (let d = i === 0 ? 1 : rng.int(1, 7); d <= 364; d += rng.int(gap[0], gap[1])) {
      const t = at(d, 8, 11);
      const lines: OrderLine[] = rng.sample(usual, rng.int(2, Math.min(maxLines, usual.length))).map((p) => {
        const quantity = Math.max(1, Math.round(rng.int(1, 4) * (1 + cls / 8)));
        return { product: p.name, quantity, unit: '条', amount: round2(quantity * p.price) };
      });
      const total = round2(lines.reduce((s, l) => s + l.amount, 0));
      const day = cnDateCompact(t);
      const seq = (orderSeq.get(day) ?? rng.int(100, 400)) + rng.int(1, 7);
      orderSeq.set(day, seq);
      const orderNo = `DD${day}${String(seq).padStart(6, '0')}`;
      interactions.push({
        id: nextId('interaction'), customerId: id, kind: 'order', at: t, channel: '网上订货',
        summary: `订单 ${orderNo}，金额 ${total.toFixed(2)} 元`, lines, createdAt: t,
      });
    }
    // Visits every 2 / 4 / 6–8 weeks depending on class.
    const visitGap = cls >= 25 ? [13, 15] : cls >= 15 ? [26, 32] : [40, 56];
    const vars = () => ({ owner, p1: rng.pick(usual).name, p2: rng.pick(range).name, n: rng.int(3, 40) });
    for (let d = rng.int(1, visitGap[0]); d <= 364; d += rng.int(visitGap[0], visitGap[1])) {
      const t = at(d, 9, 17);
      const summary = rng.sample(SHOP_VISIT_NOTES, cls >= 15 ? 2 : 1).map((s) => fill(s, vars())).join('');
      interactions.push({ id: nextId('interaction'), customerId: id, kind: 'visit', at: t, channel: '上门', summary, createdAt: t });
    }
    for (let k = rng.int(0, 4); k > 0; k--) {
      const t = at(rng.int(1, 360), 9, 19);
      interactions.push({ id: nextId('interaction'), customerId: id, kind: 'call', at: t, channel: rng.pick(['电话', '微信']), summary: fill(rng.pick(SHOP_CALL_NOTES), vars()), createdAt: t });
    }
    if (rng.chance(0.3)) {
      const t = at(rng.int(1, 200), 18, 21);
      interactions.push({ id: nextId('interaction'), customerId: id, kind: 'note', at: t, summary: fill(rng.pick(SHOP_NOTES), vars()), createdAt: t });
    }
    if (email && rng.chance(0.7)) {
      const t = at(rng.int(1, 30), 8, 22);
      const v = vars();
      interactions.push({
        id: nextId('interaction'), customerId: id, kind: 'email', at: t, channel: '邮件',
        summary: `${owner}来信：${fill('关于{p1}订货量的问题', v)}。${fill('这周{p1}能不能多给几条？店里老顾客一直在问，另外{p2}最近也卖得不错。', v)}`, createdAt: t,
      });
    }
    addNeeds(id, SHOP_NEEDS, vars(), i === 0 ? 2 : rng.chance(0.25) ? rng.int(1, 2) : 0);
    addTasks(id, SHOP_TASKS, vars(), i === 0 ? 1 : rng.chance(0.15) ? 1 : 0);
  }

  // ---- Bank corporate clients -----------------------------------------------------------------------------
  const usedDomains = new Set<string>();
  const usedCompanies = new Set<string>();
  const usedUscc = new Set<string>();
  for (let j = 0; j < bankClients; j++) {
    const id = uid(bankKey(j));
    let word: [string, string], ind: Industry, name: string;
    if (j === 0) {
      word = ['华南', 'hn'];
      ind = INDUSTRIES[0];
      name = DEMO_SCENARIOS.mailCustomerName;
    } else {
      do {
        word = rng.pick(COMPANY_WORDS);
        ind = rng.pick(INDUSTRIES);
        name = `深圳市${word[0]}${ind.word}有限公司`;
      } while (usedCompanies.has(name));
    }
    usedCompanies.add(name);
    let domain = `${word[1]}${COMPANY_PINYIN[ind.word]}-${ind.en}.com`;
    for (let n = 2; usedDomains.has(domain); n++) domain = `${word[1]}${COMPANY_PINYIN[ind.word]}${n}-${ind.en}.com`;
    usedDomains.add(domain);
    let uscc = '';
    while (!uscc || usedUscc.has(uscc)) {
      const first17 = `91${rng.pick(['440300', '440304', '440305', '440306'])}${rng.pick(['MA5', '7', '6'])}`;
      const body = first17 + Array.from({ length: 17 - first17.length }, () => rng.pick([...'0123456789ABCDEFGHJKLMNPQRTUWXY'])).join('');
      uscc = body + usccCheckChar(body);
    }
    usedUscc.add(uscc);
    const grade = rng.pick(['A', 'A', 'B', 'B', 'B', 'C']);
    const createdAt = today - rng.int(400, 1500) * DAY;
    const bankContacts: Contact[] = [];
    const nContacts = j === 0 ? 4 : rng.int(3, 5);
    const usedLocal = new Set<string>();
    for (let k = 0; k < nContacts; k++) {
      const p = personName();
      const roleDef = BANK_ROLES[k < BANK_ROLES.length ? k : rng.int(1, 2)];
      // The influencer (finance director) writes from the shared finance@ mailbox, like the scenario sender.
      let local = k === 1 ? 'finance' : `${p.surnamePinyin}.${p.givenPinyin}`;
      while (usedLocal.has(local)) local += String(rng.int(1, 9));
      usedLocal.add(local);
      bankContacts.push({
        id: uid(`contact:bank:${j}:${k}`), customerId: id, name: p.name, role: roleDef.role,
        attitude: rng.pick(['resistant', 'neutral', 'positive', 'positive'] as const), title: k === 1 ? '财务总监' : rng.pick(roleDef.titles),
        mobiles: [mobile()], phones: [`0755-${rng.int(2, 8)}${rng.digits(7)}`], emails: [`${local}@${domain}`],
        createdAt, updatedAt: createdAt + rng.int(1, 300) * DAY,
      });
    }
    contacts.push(...bankContacts);
    const legal = bankContacts[0];
    const financeContact = bankContacts[1];
    customers.push({
      id, name, aliases: rng.chance(0.3) ? [`${word[0]}${ind.word.slice(0, 2)}`] : [], uscc, mobiles: [],
      phones: [`0755-${rng.int(2, 8)}${rng.digits(7)}`], emails: [`finance@${domain}`], class: grade,
      segment: grade === 'A' ? '战略客户' : grade === 'B' ? '重点客户' : '一般客户', businessType: ind.type,
      address: `${rng.pick(DISTRICTS.slice(0, 6)).city}${rng.pick(DISTRICTS.slice(0, 6)).name}${rng.pick(['科技园', '高新园', '工业区', '产业园'])}${rng.int(1, 30)}栋`,
      owner: legal.name, birthday: birthday(), importantDates: [{ label: '成立日', date: cnDate(createdAt - rng.int(365, 5000) * DAY) }],
      custom: { 授信额度: `${rng.int(5, 60) * 100}万元`, 主要产品: rng.pick(['流动资金贷款', '银行承兑汇票', '代发工资', '结构性存款', '供应链金融']) },
      createdAt, updatedAt: today - rng.int(1, 30) * DAY,
    });
    const cvars = () => ({ company: name, contact: rng.pick(bankContacts).name });
    // Inbound email every 1–3 weeks from one of the contacts, newest first in the inbox.
    for (let d = j === 0 ? 3 : rng.int(1, 10); d <= 364; d += rng.int(7, 21)) {
      const c = rng.pick(bankContacts.filter((x) => x.role !== 'blocker'));
      const [subject, body] = rng.pick(BANK_EMAIL_SUBJECTS);
      const t = at(d, 8, 20);
      interactions.push({ id: nextId('interaction'), customerId: id, kind: 'email', at: t, channel: '邮件', summary: `${c.name}来信：${subject}。${body}`, createdAt: t });
    }
    if (j === 0) {
      // The scenario message: the newest in the inbox, from finance@.
      const t = now - 2 * 3_600_000;
      interactions.push({
        id: DEMO_SCENARIOS.mailMessageId, customerId: id, kind: 'email', at: t, channel: '邮件',
        summary: `${financeContact.name}来信：关于流动资金贷款续贷材料。续贷所需的近三年审计报告和最新一期财务报表已整理好，请查收附件，如需补充请告知。`,
        createdAt: t,
      });
    }
    for (let d = rng.int(1, 30); d <= 364; d += rng.int(25, 40)) {
      const t = at(d, 9, 17);
      interactions.push({ id: nextId('interaction'), customerId: id, kind: 'visit', at: t, channel: '上门', summary: fill(rng.pick(BANK_VISIT_NOTES), cvars()), createdAt: t });
    }
    for (let k = rng.int(2, 6); k > 0; k--) {
      const t = at(rng.int(1, 360), 9, 18);
      interactions.push({ id: nextId('interaction'), customerId: id, kind: 'call', at: t, channel: '电话', summary: fill(rng.pick(BANK_CALL_NOTES), cvars()), createdAt: t });
    }
    if (rng.chance(0.5)) {
      const t = at(rng.int(1, 120), 18, 21);
      interactions.push({ id: nextId('interaction'), customerId: id, kind: 'note', at: t, summary: fill('{contact}对风险类产品较为谨慎，沟通时如实说明风险，不承诺收益。', cvars()), createdAt: t });
    }
    addNeeds(id, BANK_NEEDS, cvars(), j === 0 ? 2 : rng.chance(0.5) ? rng.int(1, 2) : 0);
    addTasks(id, BANK_TASKS, cvars(), j === 0 ? 2 : rng.chance(0.4) ? rng.int(1, 2) : 0);
  }

  interactions.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  // Parse so the output is exactly what an import would accept (and defaults are filled in).
  return Backup.parse({
    format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, customers, contacts, interactions, needs, tasks, pageChoices: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// CLI

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = resolve(process.argv[2] ?? 'tests/.tmp/demo-data.json');
  const data = generateDemoData();
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(data);
  writeFileSync(out, json);
  console.log(
    `${out}: ${data.customers.length} customers, ${data.contacts.length} contacts, ${data.interactions.length} interactions, ` +
      `${data.needs.length} needs, ${data.tasks.length} tasks, ${(Buffer.byteLength(json) / 1e6).toFixed(1)} MB`,
  );
}
