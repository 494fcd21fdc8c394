/** One thing wrong with the data, located precisely enough to fix it. */
export interface DataProblem {
  /** Path of the file, relative to the working directory when possible. */
  file: string;
  /** Path inside the file, e.g. `events[12].sources[0].evidence`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export function formatProblem(problem: DataProblem): string {
  return `${problem.file}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

/** Thrown when the summary cannot be loaded; lists every problem at once. */
export class SummaryLoadError extends Error {
  constructor(readonly problems: readonly DataProblem[]) {
    super(
      `The briefing data is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'SummaryLoadError';
  }
}
