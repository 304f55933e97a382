/**
 * A large synthetic backup for the match benchmark: 100,000 tobacco-shop customers and ~20,000
 * contacts, deterministic (seeded sfc32 from the demo generator), valid per `Backup`. Every identifier
 * is unique across the whole set, so a hit on any one of them must come back `matched`, and a miss is
 * built to be absent. Also builds the query mix the benchmark sends to `bench/match`.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from '../../lib/model/backup';
import type { Contact, Customer } from '../../lib/model/customer';
import { Rng } from '../sites/data/generate';

export const BENCH_SEED = 100_000;
const CREATED = Date.UTC(2024, 0, 1);
const UPDATED = Date.UTC(2025, 5, 1);

const DISTRICTS = ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区', '龙华区', '光明区', '坪山区', '盐田区'];
const SURNAMES = '张王李刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐邓冯韩曹曾彭蔡潘田董袁叶蒋杜苏魏程丁沈姚卢钟谭';
const GIVEN = '建华国强秀兰志明海燕丽娟伟军红梅立新晓东春生永福桂英玉兰德明文杰';
const WORDS = ['鑫隆', '好邻居', '佳乐', '旺佳', '福满', '利民', '顺发', '金源', '万家', '兴旺', '和记', '永盛', '新概念', '华润', '天天'];
const KINDS = ['烟酒商行', '便利店', '食杂店', '超市', '烟酒店', '商店'];
const MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'example.cn'];

export interface SyntheticOptions {
  customers?: number;
  contacts?: number;
  seed?: number;
}

function uuid(rng: Rng): string {
  let h = '';
  for (let i = 0; i < 32; i++) h += '0123456789abcdef'[Math.floor(rng.next() * 16)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(rng.next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Draw until `make` gives a value not seen before (the spaces are huge, so this rarely loops). */
function unique(used: Set<string>, make: () => string): string {
  for (;;) {
    const v = make();
    if (!used.has(v)) {
      used.add(v);
      return v;
    }
  }
}

export function generateSynthetic({ customers: n = 100_000, contacts: m = 20_000, seed = BENCH_SEED }: SyntheticOptions = {}): Backup {
  const rng = new Rng(seed);
  const licences = new Set<string>();
  const codes = new Set<string>();
  const mobiles = new Set<string>();
  const emails = new Set<string>();
  const mobile = () => unique(mobiles, () => `1${rng.int(3, 9)}${rng.digits(9)}`);
  const person = () => SURNAMES[rng.int(0, SURNAMES.length - 1)] + GIVEN.slice(rng.int(0, GIVEN.length - 2)).slice(0, rng.int(1, 2));

  const customers: Customer[] = [];
  for (let i = 0; i < n; i++) {
    const district = rng.pick(DISTRICTS);
    const owner = person();
    const ms = [mobile()];
    if (rng.chance(0.3)) ms.push(mobile());
    const es = rng.chance(0.2) ? [unique(emails, () => `shop${i}.${rng.digits(4)}@${rng.pick(MAIL_DOMAINS)}`)] : [];
    customers.push({
      id: uuid(rng),
      name: `深圳市${district}${rng.pick(WORDS)}${rng.pick(KINDS)}${i}号店`,
      aliases: [],
      licenceNo: unique(licences, () => `4403${rng.digits(8)}`),
      customerCode: unique(codes, () => `KH${rng.digits(8)}`),
      mobiles: ms,
      phones: [],
      emails: es,
      class: String(rng.int(1, 30)),
      address: `深圳市${district}${rng.pick(WORDS)}路${rng.int(1, 999)}号`,
      owner,
      importantDates: [],
      custom: {},
      createdAt: CREATED,
      updatedAt: UPDATED,
    });
  }

  const contacts: Contact[] = [];
  for (let j = 0; j < m; j++) {
    const c = customers[rng.int(0, n - 1)];
    contacts.push({
      id: uuid(rng),
      customerId: c.id,
      name: person(),
      role: rng.pick(['decision_maker', 'influencer', 'user', 'other'] as const),
      mobiles: rng.chance(0.6) ? [mobile()] : [],
      phones: [],
      // Every contact has an email: the email queries are drawn from contacts.
      emails: [unique(emails, () => `contact${j}.${rng.digits(4)}@${rng.pick(MAIL_DOMAINS)}`)],
      createdAt: CREATED,
      updatedAt: UPDATED,
    });
  }

  return Backup.parse({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: UPDATED, customers, contacts });
}

export type QueryKind = 'licence' | 'customerCode' | 'mobile' | 'email' | 'miss' | 'page3';
export interface BenchQuery {
  kind: QueryKind;
  identifiers: { kind: string; value: string }[];
  /** What the background must answer for this query. */
  expect: 'matched' | 'none';
}

/** Share of each query kind: single-identifier hits, a miss, and a page showing three identifiers. */
const MIX: [QueryKind, number][] = [
  ['licence', 0.2],
  ['customerCode', 0.2],
  ['mobile', 0.2],
  ['email', 0.15],
  ['miss', 0.1],
  ['page3', 0.15],
];

/** `count` queries drawn from `data` in a shuffled but deterministic order. */
export function buildQueries(data: Backup, count: number, seed: number): BenchQuery[] {
  const rng = new Rng(seed);
  const { customers, contacts } = data;
  const licences = new Set(customers.map((c) => c.licenceNo));
  const out: BenchQuery[] = [];
  for (const [kind, share] of MIX) {
    for (let k = 0; k < Math.round(share * count); k++) {
      const c = customers[rng.int(0, customers.length - 1)];
      switch (kind) {
        case 'licence':
          out.push({ kind, identifiers: [{ kind: 'licence', value: c.licenceNo! }], expect: 'matched' });
          break;
        case 'customerCode':
          out.push({ kind, identifiers: [{ kind: 'customerCode', value: c.customerCode! }], expect: 'matched' });
          break;
        case 'mobile':
          out.push({ kind, identifiers: [{ kind: 'mobile', value: rng.pick(c.mobiles) }], expect: 'matched' });
          break;
        case 'email': {
          const contact = contacts[rng.int(0, contacts.length - 1)];
          out.push({ kind, identifiers: [{ kind: 'email', value: contact.emails[0] }], expect: 'matched' });
          break;
        }
        case 'miss': {
          let v: string;
          do v = `4403${rng.digits(8)}`;
          while (licences.has(v));
          out.push({ kind, identifiers: [{ kind: 'licence', value: v }], expect: 'none' });
          break;
        }
        case 'page3':
          out.push({
            kind,
            identifiers: [
              { kind: 'licence', value: c.licenceNo! },
              { kind: 'customerCode', value: c.customerCode! },
              { kind: 'mobile', value: c.mobiles[0] },
            ],
            expect: 'matched',
          });
          break;
      }
    }
  }
  // Fisher–Yates, so kinds are interleaved as on real pages rather than in blocks.
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
