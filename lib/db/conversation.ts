import { Need, Task, newId, type Interaction, type NeedStatus } from '../model';
import { noteVisits } from './customers';
import { getDb } from './db';

/**
 * What the manager records during a conversation (issue 5): visits and calls, needs and complaints through
 * their closed loop, and follow-up tasks. Each write is one transaction and validated with the model, so a
 * refusal or a full disk leaves nothing half-written.
 */

export class ConversationError extends Error {
  constructor(
    readonly code: 'notFound' | 'badTransition',
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

async function requireCustomer(customerId: string) {
  if (!(await getDb().customers.get(customerId))) throw new ConversationError('notFound', 'customer');
}

export interface VisitInput {
  customerId: string;
  method: 'visit' | 'call';
  at: number;
  summary: string;
  needs: { kind: Need['kind']; description: string; due?: string }[];
}

/**
 * A visit moves the customer's `lastVisitAt` (and with it the next visit date); a call is a contact but,
 * for a customer visited in person, not a visit. Needs raised during it are recorded with it, together.
 */
export async function logVisit(input: VisitInput, now = Date.now()): Promise<Interaction> {
  const db = getDb();
  const interaction: Interaction = {
    id: newId(),
    customerId: input.customerId,
    kind: input.method,
    at: input.at,
    channel: input.method === 'visit' ? '上门' : '电话',
    summary: input.summary.trim(),
    createdAt: now,
  };
  const needs = input.needs.map((n) =>
    Need.parse({ id: newId(), customerId: input.customerId, kind: n.kind, description: n.description, due: n.due, status: 'raised', raisedAt: input.at, updatedAt: now }),
  );
  await db.transaction('rw', [db.customers, db.interactions, db.needs], async () => {
    await requireCustomer(input.customerId);
    await db.interactions.add(interaction);
    if (interaction.kind === 'visit') await noteVisits(new Map([[input.customerId, input.at]]));
    if (needs.length) await db.needs.bulkAdd(needs);
  });
  return interaction;
}

export async function addNeed(input: { customerId: string; kind: Need['kind']; description: string; due?: string }, now = Date.now()): Promise<Need> {
  const need = Need.parse({ id: newId(), ...input, status: 'raised', raisedAt: now, updatedAt: now });
  const db = getDb();
  await db.transaction('rw', [db.customers, db.needs], async () => {
    await requireCustomer(input.customerId);
    await db.needs.add(need);
  });
  return need;
}

/** Forward steps of the closed loop; resolving straight from "raised" is allowed (solved on the spot). */
const NEXT: Record<NeedStatus, NeedStatus[]> = {
  raised: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['informed'],
  informed: [],
};

export interface AdvanceInput {
  needId: string;
  to: 'in_progress' | 'resolved' | 'informed';
  resolution?: string;
  channel?: string;
  at?: number;
}

/** Moves a need one step on; resolving needs the resolution, informing the channel. Returns the need as stored. */
export async function advanceNeed(input: AdvanceInput, now = Date.now()): Promise<Need> {
  const db = getDb();
  return db.transaction('rw', db.needs, async () => {
    const need = await db.needs.get(input.needId);
    if (!need) throw new ConversationError('notFound', 'need');
    if (!NEXT[need.status].includes(input.to)) throw new ConversationError('badTransition', `${need.status} → ${input.to}`);
    const at = input.at ?? now;
    const next: Need = { ...need, status: input.to, updatedAt: now };
    if (input.to === 'resolved') {
      if (!input.resolution?.trim()) throw new ConversationError('badTransition', 'resolution');
      Object.assign(next, { resolution: input.resolution.trim(), resolvedAt: at });
    }
    if (input.to === 'informed') {
      if (!input.channel?.trim()) throw new ConversationError('badTransition', 'channel');
      Object.assign(next, { informedChannel: input.channel.trim(), informedAt: at });
    }
    const valid = Need.parse(next);
    await db.needs.put(valid);
    return valid;
  });
}

export async function addTask(input: { customerId: string; title: string; due?: string; remindAt?: number }, now = Date.now()): Promise<Task> {
  const task = Task.parse({ id: newId(), ...input, status: 'open', createdAt: now, updatedAt: now });
  const db = getDb();
  await db.transaction('rw', [db.customers, db.tasks], async () => {
    await requireCustomer(input.customerId);
    await db.tasks.add(task);
  });
  return task;
}

export interface TaskPatch {
  title?: string;
  due?: string | null;
  remindAt?: number | null;
  status?: 'open' | 'done';
}

/** Done, reopened, snoozed or renamed. Moving the reminder or the due date re-arms the reminder. */
export async function updateTask(taskId: string, patch: TaskPatch, now = Date.now()): Promise<Task> {
  const db = getDb();
  return db.transaction('rw', db.tasks, async () => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new ConversationError('notFound', 'task');
    const next: Task = { ...task, updatedAt: now };
    if (patch.title !== undefined) next.title = patch.title;
    if (patch.due !== undefined) next.due = patch.due ?? undefined;
    if (patch.remindAt !== undefined) next.remindAt = patch.remindAt ?? undefined;
    if (patch.due !== undefined || patch.remindAt !== undefined) delete next.remindedAt;
    if (patch.status === 'done' && task.status !== 'done') Object.assign(next, { status: 'done', doneAt: now });
    if (patch.status === 'open') {
      next.status = 'open';
      delete next.doneAt;
    }
    const valid = Task.parse(next);
    await db.tasks.put(valid);
    return valid;
  });
}
