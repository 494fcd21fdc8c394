/**
 * The layout of a scraped news page we have never seen: which lines are the
 * story, which is the headline, the dateline, the wire credit, a photo
 * caption, and where the author box or comment section begins.
 *
 * The result includes a body rule in the summary's own format, so the loader
 * cuts exactly the same paragraphs from the file after a merge.
 */
import * as chrono from 'chrono-node';
import { extractBody } from '../corpus/body.js';
import { isFurniture } from '../corpus/furniture.js';
import type { Article } from '../summary/schema.js';

export type BodyRule = Article['body'];

export interface PageLayout {
  /** Story paragraphs, each exactly one line of the file (trimmed). */
  paragraphs: string[];
  body: BodyRule;
  /** The headline line, when the page prints one. */
  title?: string;
  /** A date printed on the page outside the story ("Tuesday 29 September 2015"). */
  dateline?: { value: string; phrase: string; line: string };
  /** An outlet named next to the dateline ("- The Washington Times - Wednesday, ..."). */
  outlet?: string;
  author?: string;
  /** A wire credit on a line of its own ("AP"). */
  wire?: string;
  /** Paragraphs that are photo captions: kept in the body (they carry facts) but worth a reviewer's look. */
  captions: string[];
  notes: string[];
}

/** Lines that open an author box or comment section: the story has ended. */
const TAIL_PATTERNS: readonly RegExp[] = [
  /\bfollow\b.{0,60}\bon (Twitter|Facebook|Instagram|LinkedIn)\b/i,
  /\bsubscribe to (our|the) newsletter\b/i,
  /\bComment Policy\b/i,
  /\bwelcomes your comments\b/i,
  /\bemail address will not be published\b/i,
  /^(About the author|Author bio)\b/i,
];

/** Stock-image descriptions that sit where a headline would. */
const IMAGE_DESCRIPTION = /\b(3d render|stock (photo|image)|file photo|illustration|getty images|shutterstock)\b/i;
const CAPTION = /(?:\b(?:Photo|Image|Picture|Credit|Photograph)s?\s*:\s*[\w .&/-]{1,60}|\((?:Photo|Image|Credit)[^)]*\))\s*$/i;
const WIRE_LINE = /^(?:[A-Z]{2,6}|Reuters|Associated Press|Agence France-Presse|Bloomberg)$/;
const BYLINE = /^By\s+([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von)){0,5})\s*$/;
const SENTENCE_END = /[.!?]["”’)\]]*$|[”"]$/;

const wordCount = (line: string) => line.split(/\s+/).filter(Boolean).length;

/** A full printed date (day, month and year), when the line is little more than that date. */
function findDateline(line: string): { value: string; phrase: string } | undefined {
  if (wordCount(line) > 14) return undefined;
  const [result] = chrono.parse(line);
  // A printed date has a day number; "today" or "this week" in a headline is no dateline.
  if (!result || !/\d/.test(result.text)) return undefined;
  const { start } = result;
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return undefined;
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  return { value: `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`, phrase: result.text };
}

/** "- The Washington Times - Wednesday, September 23, 2015": the non-date segments that look like a name. */
function outletNextTo(line: string, datePhrase: string): string | undefined {
  const segments = line
    .split(datePhrase)
    .flatMap((part) => part.split(/\s+[-–—|]\s+|^[-–—|]\s+/))
    .map((segment) => segment.replace(/^[-–—|,\s]+|[-–—|,\s]+$/g, ''))
    .filter((segment) => segment.length > 1 && /^[A-Z]/.test(segment) && wordCount(segment) <= 6);
  return segments[0];
}

interface LineInfo {
  index: number;
  text: string;
  prose: boolean;
  caption: boolean;
  heading: boolean;
}

export function readPage(raw: string): PageLayout {
  const lines = raw.split(/\r?\n/);
  const notes: string[] = [];
  const info: LineInfo[] = [];
  lines.forEach((line, index) => {
    const text = line.trim();
    if (!text || isFurniture(text)) return;
    const words = wordCount(text);
    const caption = CAPTION.test(text) && words >= 6;
    const prose = !caption && words >= 8 && SENTENCE_END.test(text);
    const heading = !prose && !caption && words >= 3 && words <= 25 && !SENTENCE_END.test(text.replace(/[?!]$/, '.')) && !IMAGE_DESCRIPTION.test(text);
    info.push({ index, text, prose, caption, heading });
  });

  // The story ends before the first author box or comment prompt that follows some prose.
  const firstProse = info.findIndex((line) => line.prose);
  let usable = info;
  if (firstProse >= 0) {
    const tail = info.findIndex((line, i) => i > firstProse && TAIL_PATTERNS.some((pattern) => pattern.test(line.text)));
    if (tail >= 0) usable = info.slice(0, tail);
  }
  const lastProse = usable.map((line) => line.prose).lastIndexOf(true);
  if (firstProse < 0 || lastProse < 0) {
    // No line reads like a paragraph: keep every line that is not furniture and let the reviewer judge.
    notes.push('no line of the page reads like a story paragraph; the whole page was kept as the body');
    return finish(lines, info.map((line) => line.index), info, notes);
  }

  // A caption directly above the story's opening belongs with it (it often dates and names things).
  let start = firstProse;
  while (start > 0 && usable[start - 1]?.caption) start -= 1;
  let captionAbove = -1;
  for (let i = start - 1; i >= 0; i -= 1) {
    if (usable[i]?.caption) captionAbove = i;
    else if (usable[i]?.prose) break;
  }
  const firstBody = captionAbove >= 0 ? captionAbove : start;

  const bodyIndexes = usable.slice(firstBody, lastProse + 1).filter((line) => line.prose || line.caption).map((line) => line.index);
  return finish(lines, bodyIndexes, info, notes, usable[start]?.index);
}

function finish(lines: string[], bodyIndexes: number[], info: LineInfo[], notes: string[], storyStart?: number): PageLayout {
  const layout: PageLayout = { paragraphs: [], body: { startLine: '', dropLines: [] }, captions: [], notes };
  const firstIndex = bodyIndexes[0] ?? 0;
  const lastIndex = bodyIndexes[bodyIndexes.length - 1] ?? 0;
  const inBody = new Set(bodyIndexes);

  for (const line of info) {
    if (inBody.has(line.index)) continue;
    const dateline = findDateline(line.text);
    if (dateline && !layout.dateline) {
      layout.dateline = { ...dateline, line: line.text };
      layout.outlet = outletNextTo(line.text, dateline.phrase);
      continue;
    }
    const byline = BYLINE.exec(line.text);
    if (byline && !layout.author) layout.author = byline[1];
    else if (WIRE_LINE.test(line.text) && !layout.wire) layout.wire = line.text;
  }
  // The headline is the last headline-like line above the story's first paragraph.
  const headlineLimit = storyStart ?? firstIndex;
  const headline = info.filter((line) => line.heading && line.index < headlineLimit && !findDateline(line.text) && !WIRE_LINE.test(line.text) && !BYLINE.test(line.text)).pop();
  if (headline) layout.title = headline.text;

  layout.paragraphs = bodyIndexes.map((index) => (lines[index] ?? '').trim());
  layout.captions = layout.paragraphs.filter((paragraph) => CAPTION.test(paragraph));
  const dropLines = lines
    .slice(firstIndex, lastIndex + 1)
    .map((line, offset) => ({ text: line.trim(), index: firstIndex + offset }))
    .filter((line) => line.text && !inBody.has(line.index) && !isFurniture(line.text))
    .map((line) => line.text);
  layout.body = {
    startLine: uniquePrefix(lines, firstIndex, 0),
    endLine: lastIndex === lines.map((line) => line.trim()).findLastIndex(Boolean) ? undefined : uniquePrefix(lines, lastIndex, firstIndex),
    dropLines: [...new Set(dropLines)],
  };
  if (layout.body.endLine === undefined) delete layout.body.endLine;
  checkRule(lines.join('\n'), layout);
  return layout;
}

/** The shortest readable prefix of line `index` that no earlier line (from `from`) starts with. */
function uniquePrefix(lines: string[], index: number, from: number): string {
  const text = (lines[index] ?? '').trim();
  const earlier = lines.slice(from, index).map((line) => line.trim());
  for (const length of [40, 60, 80]) {
    const prefix = text.slice(0, length).trim();
    if (prefix.length < text.length && !earlier.some((line) => line.startsWith(prefix))) return prefix;
  }
  return text;
}

/** The rule must reproduce our paragraphs through the loader's own code, or the draft would lie. */
function checkRule(raw: string, layout: PageLayout): void {
  const cut = extractBody(raw, layout.body);
  if (cut.length !== layout.paragraphs.length || cut.some((paragraph, i) => paragraph !== layout.paragraphs[i])) {
    throw new Error('internal error: the body rule does not reproduce the detected paragraphs');
  }
}
