/**
 * `npm run bench [-- --json] [-- --quick]`: what the bot costs and how that grows.
 * Prints a table with targets and the machine, or (--json) one JSON object
 * keyed by the metric names of issue 6. --quick fans out to 1,000 channels
 * instead of 10,000 and skips the 10,000-article corpus, for development.
 * --only=answers,scale,startup,interactions,fanout runs just those sections.
 * A metric that could not be measured is null, with the reason in `errors`.
 */
import { createAnswerEngine } from '../answers/index.js';
import { loadBriefing } from '../summary/load.js';
import { measureAnswers } from './answers.js';
import { measureFanout } from './fanout.js';
import { measureInteractions } from './interactions.js';
import { COMMANDS } from './questions.js';
import { formatTable, machine, speedProbe, type Metric } from './report.js';
import { measureScalePoint, type ScalePoint } from './scale.js';
import { measureStartup } from './startup.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (name: string) => !only || only.has(name.split(' ')[0] as string);
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const errors: Record<string, string> = {};
/** Runs one section; on failure records why and returns undefined, so the other metrics still print. */
async function section<T>(name: string, work: () => T | Promise<T>): Promise<T | undefined> {
  if (!wanted(name)) return undefined;
  progress(`${name}…`);
  const start = performance.now();
  try {
    const result = await work();
    progress(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    errors[name] = error instanceof Error ? error.message : String(error);
    progress(`${name} FAILED: ${errors[name]}`);
    return undefined;
  }
}

// Before any section, so its garbage is gone by the time they run.
const probe = speedProbe();
const engine = createAnswerEngine(loadBriefing());
const answers = await section('answers', () => measureAnswers(engine, 400));
const scaleSizes = quick ? [100, 1000] : [100, 1000, 10_000];
const scale: ScalePoint[] = [];
for (const size of scaleSizes) {
  const point = await section(`scale ${size}`, () => measureScalePoint(size, size >= 10_000 ? 200 : 400));
  if (point) scale.push(point);
}
const startup = await section('startup', () => measureStartup(5));
const interactions = await section('interactions', () => measureInteractions(engine, 500, 1000));
const fanoutChannels = quick ? 1000 : 10_000;
const fanout = await section('fanout', () => measureFanout(engine, fanoutChannels));

const largest = scale.find((point) => point.articles === 10_000) ?? (quick ? scale.at(-1) : undefined);
const why = (name: string) => (errors[name] ? `failed: ${errors[name]}` : wanted(name) ? undefined : 'skipped (--only)');
const metrics: Metric[] = [];
const add = (metric: Metric) => metrics.push(metric);
const check = (value: number | null | undefined, limit: number | undefined, atLeast = false) =>
  value === null || value === undefined || limit === undefined ? undefined : atLeast ? value >= limit : value <= limit;

for (const command of COMMANDS) {
  const latency = answers?.[command];
  add({ name: `answer_p50_us.${command}`, value: latency?.p50_us ?? null, unit: 'µs', note: why('answers') });
  add({ name: `answer_p99_us.${command}`, value: latency?.p99_us ?? null, unit: 'µs', target: '≤ 1000', pass: check(latency?.p99_us, 1000), note: why('answers') ?? `${latency?.count} questions; slowest: ${latency?.slowest[0]?.label.slice(0, 50)} (${latency?.slowest[0]?.us} µs)` });
}
for (const point of scale) {
  add({ name: `scale_load_ms@${point.articles}`, value: point.load_ms, unit: 'ms', note: `loadBriefing ${point.loadBriefing_ms} + engine ${point.engine_build_ms}` });
  add({ name: `scale_answer_p99_us@${point.articles}`, value: point.answer_p99_us, unit: 'µs', note: Object.entries(point.answer_p99_by_command_us).map(([c, v]) => `${c} ${v}`).join(', ') });
}
const scaleNote = largest ? `${largest.articles} articles${quick ? ' (--quick)' : ''}` : (why('scale 10000') ?? 'not measured');
add({ name: 'scale_load_ms', value: largest?.load_ms ?? null, unit: 'ms', target: '≤ 3000', pass: check(largest?.load_ms, 3000), note: scaleNote });
add({ name: 'scale_answer_p99_us', value: largest?.answer_p99_us ?? null, unit: 'µs', target: '≤ 5000', pass: check(largest?.answer_p99_us, 5000), note: scaleNote });
add({ name: 'startup_ms', value: startup?.startup_ms ?? null, unit: 'ms', target: startup ? `≤ ${Math.round(1.3 * startup.startup_bare_discordjs_ms)} (1.3 × bare)` : '≤ 1.3 × bare', pass: check(startup?.startup_ms, startup && 1.3 * startup.startup_bare_discordjs_ms), note: why('startup') ?? 'median of 5, console mode' });
add({ name: 'startup_bare_discordjs_ms', value: startup?.startup_bare_discordjs_ms ?? null, unit: 'ms', note: why('startup') });
add({ name: 'rss_mb', value: startup?.rss_mb ?? null, unit: 'MB', target: startup ? `≤ ${Math.round(startup.rss_bare_discordjs_mb + 15)} (bare + 15)` : '≤ bare + 15', pass: check(startup?.rss_mb, startup && startup.rss_bare_discordjs_mb + 15), note: why('startup') ?? 'VmRSS at ready' });
add({ name: 'rss_bare_discordjs_mb', value: startup?.rss_bare_discordjs_mb ?? null, unit: 'MB', note: why('startup') });
const bareP50 = interactions?.interaction_rtt_bare_p50_ms;
const rttLimit = bareP50 === undefined ? undefined : Math.min(5, 1.2 * bareP50);
add({ name: 'interaction_rtt_p50_ms', value: interactions?.interaction_rtt_p50_ms ?? null, unit: 'ms', target: rttLimit === undefined ? '≤ 5 and ≤ 1.2 × bare' : `≤ ${rttLimit.toFixed(2)} (5, 1.2 × bare)`, pass: check(interactions?.interaction_rtt_p50_ms, rttLimit), note: why('interactions') ?? '500 interactions, after 50 warm-up, in batches alternating with the bare clients' });
add({ name: 'interaction_rtt_p99_ms', value: interactions?.interaction_rtt_p99_ms ?? null, unit: 'ms', note: why('interactions') });
add({ name: 'interaction_rtt_bare_p50_ms', value: bareP50 ?? null, unit: 'ms', note: why('interactions') ?? 'bare client replying a constant' });
add({ name: 'interaction_rtt_bare_same_payload_p50_ms', value: interactions?.interaction_rtt_bare_same_payload_p50_ms ?? null, unit: 'ms', note: why('interactions') ?? "bare client replying the bot's own messages (their size alone)" });
add({ name: 'interaction_rtt_uncached_p50_ms', value: interactions?.interaction_rtt_uncached_p50_ms ?? null, unit: 'ms', note: why('interactions') ?? `the bot on 500 requests never asked before (no reply-cache hits); p99 ${interactions?.interaction_rtt_uncached_p99_ms} ms` });
add({ name: 'load_1000_all_answered_ms', value: interactions?.load.all_answered_ms ?? null, unit: 'ms', target: '≤ 3000', pass: check(interactions?.load.all_answered_ms, 3000), note: why('interactions') ?? `${interactions?.load.answered}/${interactions?.load.sent} answered` });
add({ name: 'event_loop_delay_p99_ms', value: interactions?.load.event_loop_delay_p99_ms ?? null, unit: 'ms', note: why('interactions') ?? 'during the 1,000 burst (bot and local Discord share the loop)' });
add({ name: 'fanout_posts_per_s', value: fanout?.fanout_posts_per_s ?? null, unit: 'posts/s', target: '≥ 45', pass: check(fanout?.fanout_posts_per_s, 45, true), note: why('fanout') ?? `${fanout?.delivered}/${fanout?.channels} channels in ${fanout?.seconds} s` });
add({ name: 'fanout_429s', value: fanout?.fanout_429s ?? null, unit: '', target: '= 0', pass: fanout ? fanout.fanout_429s === 0 : undefined, note: why('fanout') });

const box = machine();
if (json) {
  const byCommand = (key: 'p50_us' | 'p99_us') => (answers ? Object.fromEntries(COMMANDS.map((command) => [command, answers[command][key]])) : null);
  const result = {
    machine: { ...box, speed_probe: probe },
    quick,
    answer_p50_us: byCommand('p50_us'),
    answer_p99_us: byCommand('p99_us'),
    answer_slowest: answers ? Object.fromEntries(COMMANDS.map((command) => [command, answers[command].slowest])) : null,
    scale_answer_p99_us: largest?.answer_p99_us ?? null,
    scale_load_ms: largest?.load_ms ?? null,
    scale,
    ...(startup ?? { startup_ms: null, rss_mb: null, startup_bare_discordjs_ms: null, rss_bare_discordjs_mb: null }),
    interaction_rtt_p50_ms: interactions?.interaction_rtt_p50_ms ?? null,
    interaction_rtt_p99_ms: interactions?.interaction_rtt_p99_ms ?? null,
    interaction_rtt_bare_p50_ms: interactions?.interaction_rtt_bare_p50_ms ?? null,
    interaction_rtt_bare_same_payload_p50_ms: interactions?.interaction_rtt_bare_same_payload_p50_ms ?? null,
    interaction_rtt_uncached_p50_ms: interactions?.interaction_rtt_uncached_p50_ms ?? null,
    interaction_rtt_uncached_p99_ms: interactions?.interaction_rtt_uncached_p99_ms ?? null,
    event_loop_delay_p99_ms: interactions?.load.event_loop_delay_p99_ms ?? null,
    load_1000_all_answered_ms: interactions?.load.all_answered_ms ?? null,
    fanout_posts_per_s: fanout?.fanout_posts_per_s ?? null,
    fanout_429s: fanout?.fanout_429s ?? null,
    fanout_channels: fanoutChannels,
    pass: Object.fromEntries(metrics.filter((metric) => metric.pass !== undefined).map((metric) => [metric.name, metric.pass])),
    errors,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  process.stdout.write(`${formatTable(metrics)}\n\nmachine: ${box.cpu}, ${box.cores} cores, Node ${box.node}, ${box.platform}${quick ? ' (--quick)' : ''}\n`);
  process.stdout.write(`speed probe (fixed work, lower is faster; compare runs by it): integer loop ${probe.integer_ms} ms, allocation loop ${probe.allocation_ms} ms\n`);
  for (const [name, message] of Object.entries(errors)) process.stdout.write(`error in ${name}: ${message}\n`);
}
// discord.js and the local Discord leave handles open; the numbers are out.
process.exit(0);
