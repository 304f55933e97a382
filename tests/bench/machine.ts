/** The machine a bench run happened on, written to tests/bench/machine.json and printed at the top. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { CHROMIUM } from '../e2e/browser';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  chromium: string;
  node: string;
  os: string;
  at: string;
}

export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep os.cpus()
  }
  let chromium = 'unknown';
  try {
    // Debian's wrapper script prints shell noise on stderr; the version is the first stdout line.
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    // leave 'unknown'
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    chromium,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    at: new Date().toISOString(),
  };
}

export const machineLine = (m: Machine): string =>
  `Machine: ${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · ${m.chromium} · Node ${m.node} · ${m.os}`;
