import { describe, expect, it } from 'vitest';
import type { Need, Task } from '../../../../lib/model';
import { taskDue } from '../../../../lib/talking/rules/task-due';
import { ago, need, run, task, ymdAgo } from '../helpers';

describe('task-due', () => {
  const cases: { name: string; task: Partial<Task>; needs?: Need[]; fires: boolean; tone?: string }[] = [
    { name: 'open, due today → fires (edge)', task: { due: ymdAgo(0) }, fires: true, tone: 'attention' },
    { name: 'open, due 3 days ago → overdue', task: { due: ymdAgo(3) }, fires: true, tone: 'urgent' },
    { name: 'open, due tomorrow → not yet (edge)', task: { due: ymdAgo(-1) }, fires: false },
    { name: 'done → does not fire', task: { due: ymdAgo(3), status: 'done', doneAt: ago(1) }, fires: false },
    { name: 'no due date', task: {}, fires: false },
    { name: 'for a need that is overdue itself → the need speaks', task: { due: ymdAgo(3), needId: 'n' }, needs: [need({ id: 'n', due: ymdAgo(1) })], fires: false },
    { name: 'for a resolved need → the need speaks', task: { due: ymdAgo(3), needId: 'n' }, needs: [need({ id: 'n', status: 'resolved' })], fires: false },
    { name: 'for a need not yet due → fires', task: { due: ymdAgo(3), needId: 'n' }, needs: [need({ id: 'n', due: ymdAgo(-5) })], fires: true },
  ];
  it.each(cases)('$name', ({ task: over, needs = [], fires, tone }) => {
    const points = run(taskDue, { tasks: [task({ id: 't', ...over })], needs });
    expect(points.map((p) => p.id)).toEqual(fires ? ['task-due:t'] : []);
    if (tone) expect(points[0].tone).toBe(tone);
  });

  it('says how late, in both languages', () => {
    const [p] = run(taskDue, { tasks: [task({ due: ymdAgo(2) })] });
    expect(p.text['zh-CN']).toBe('待办「回电确认配送时间」已逾期 2 天');
    expect(p.text.en).toBe('Task “回电确认配送时间” is 2 days overdue');
    expect(p.because['zh-CN']).toBe('截止 11月22日，尚未完成');
  });
});
