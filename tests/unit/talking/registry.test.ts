import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/talking/registry';

const RULES_DIR = path.resolve('lib/talking/rules');
const TESTS_DIR = path.resolve('tests/unit/talking/rules');
const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));

describe('talking-point registry', () => {
  it('registers every file in lib/talking/rules, each under its file name', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(files.sort());
  });

  it('has unique ids and priorities, a whole number apart (the within-rule bonus stays below 1)', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    const priorities = RULES.map((r) => r.priority).sort((a, b) => a - b);
    expect(priorities.every((p) => Number.isInteger(p))).toBe(true);
    expect(priorities.every((p, i) => i === 0 || p - priorities[i - 1] >= 1)).toBe(true);
  });

  it.each(RULES.map((r) => r.id))('%s has its own test file', (id) => {
    expect(existsSync(path.join(TESTS_DIR, `${id}.test.ts`))).toBe(true);
  });
});
