/** The metric table: value, target and verdict per metric, plus the machine it ran on. */
import os from 'node:os';

export interface Metric {
  name: string;
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. "≤ 1000". */
  target?: string;
  pass?: boolean;
  /** Why the value is null, or what it covers. */
  note?: string;
}

export function machine(): { cpu: string; cores: number; node: string; platform: string } {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** How fast this machine runs fixed work right now: on a shared VM it varies by a third within hours. */
export interface SpeedProbe {
  /** A fixed loop of integer arithmetic. */
  integer_ms: number;
  /** A fixed loop allocating small objects, a third of them kept (memory-bound, like the index builds). */
  allocation_ms: number;
}

/** Times fixed work, so runs on a machine whose speed varies can be compared (lower is faster). */
export function speedProbe(): SpeedProbe {
  let start = performance.now();
  let checksum = 0;
  for (let index = 0; index < 30_000_000; index++) checksum = (checksum * 31 + index) | 0;
  const integer = performance.now() - start;
  start = performance.now();
  const kept: object[] = [];
  for (let index = 0; index < 1_000_000; index++) {
    const item = { index, pair: [index, checksum], label: `k${index % 1000}` };
    if (index % 3 === 0) kept.push(item);
  }
  const allocation = performance.now() - start;
  return { integer_ms: Math.round(integer), allocation_ms: Math.round(allocation) };
}

export function formatTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((metric) => [
    metric.name,
    metric.value === null ? 'null' : `${metric.value} ${metric.unit}`,
    metric.target ?? '',
    metric.pass === undefined ? '' : metric.pass ? 'PASS' : 'FAIL',
    metric.note ?? '',
  ]);
  const header = ['metric', 'value', 'target', 'result', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
