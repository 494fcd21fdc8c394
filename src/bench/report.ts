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
