import { describe, expect, it } from 'vitest';
import { createNameService } from '../../../lib/background/names';
import { NameIndex } from '../../../lib/match/names/name-index';

const index = (names: [string, string][]) => NameIndex.build(names.map(([id, name]) => ({ id, name })));

describe('the background’s name index', () => {
  it('answers from the stored index at once, then from the caught-up one', async () => {
    let release!: (i: NameIndex) => void;
    const fresh = new Promise<NameIndex>((r) => (release = r));
    const service = createNameService(async () => ({ index: index([['a', '张记便利店']]), fresh }));
    service.warm();
    expect((await service.lookup(['张记便利店']))[0]?.customerId).toBe('a');
    release(index([['b', '张记便利店']]));
    await fresh;
    await Promise.resolve();
    expect((await service.lookup(['张记便利店']))[0]?.customerId).toBe('b');
    expect((await service.status()).size).toBe(1);
  });

  it('a failed load is tried again on the next question', async () => {
    let calls = 0;
    const service = createNameService(async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk busy');
      const i = index([['a', '鑫隆烟酒商行']]);
      return { index: i, fresh: Promise.resolve(i) };
    });
    await expect(service.lookup(['鑫隆烟酒商行'])).rejects.toThrow('disk busy');
    expect((await service.lookup(['鑫隆烟酒商行']))[0]?.customerId).toBe('a');
  });
});
