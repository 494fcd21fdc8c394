/**
 * Appending to lists inside the curated YAML files without rewriting them:
 * the files are hand-formatted and commented, and a round trip through a
 * YAML serialiser would refold every paragraph. New items are spliced in as
 * text at the end of the list, indented like its items; a missing list is
 * added as a new key of its mapping. Every edit is parsed again to check it.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';

export type YamlPath = (string | number)[];

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end + 1;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

const render = (value: unknown) => stringify(value, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });

/** Where the text of a node ends, past any block scalar, as an offset at the start of the next line. */
function afterNode(source: string, node: Node): number {
  const end = node.range?.[1] ?? 0;
  return lineEnd(source, Math.max(0, end - 1));
}

/** The source with `items` appended to the sequence at `path` (created under its mapping if missing). */
export function appendToSequence(source: string, path: YamlPath, items: readonly unknown[]): string {
  if (items.length === 0) return source;
  const document = parseDocument(source);
  const node = document.getIn(path, true) as Node | undefined;
  let result: string;

  if (isSeq(node) && node.items.length > 0 && !node.flow) {
    const first = node.items[0] as Node;
    const last = node.items[node.items.length - 1] as Node;
    const firstStart = first.range?.[0] ?? 0;
    // Items start after "- ": the dash sits two columns left of the item's content.
    const dashColumn = firstStart - lineStart(source, firstStart) - 2;
    const at = afterNode(source, last);
    const prefix = at === source.length && !source.endsWith('\n') ? '\n' : '';
    result = source.slice(0, at) + prefix + indent(render(items), dashColumn) + source.slice(at);
  } else {
    const key = path[path.length - 1];
    const parent = document.getIn(path.slice(0, -1), true) as Node | undefined;
    if (!isMap(parent) || parent.flow || typeof key !== 'string') throw new Error(`cannot append to ${path.join('.')}: not a list in a block mapping`);
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    const firstKey = parent.items[0]?.key as Node | undefined;
    const keyStart = firstKey?.range?.[0] ?? 0;
    const column = keyStart - lineStart(source, keyStart);
    const block = indent(render({ [key]: [...(isSeq(node) ? node.items.map((item) => (item as Node & { toJSON(): unknown }).toJSON()) : []), ...items] }), column);
    if (pair && isScalar(pair.key)) {
      // An empty or flow list ("aliases: []"): replace the whole entry with a block list.
      const from = lineStart(source, pair.key.range?.[0] ?? 0);
      const to = afterNode(source, (pair.value as Node | null) ?? pair.key);
      result = source.slice(0, from) + block + source.slice(to);
    } else {
      const lastPair = parent.items[parent.items.length - 1];
      const lastNode = (lastPair?.value as Node | null) ?? (lastPair?.key as Node | undefined);
      const at = lastNode ? afterNode(source, lastNode) : source.length;
      result = source.slice(0, at) + block + source.slice(at);
    }
  }

  const check = parseDocument(result);
  if (check.errors.length > 0) throw new Error(`internal error: appending to ${path.join('.')} broke the YAML: ${check.errors[0]?.message ?? ''}`);
  return result;
}

/** Index of the item with this id in the top-level list `key`, or -1. */
export function indexOfId(source: string, key: string, id: string): number {
  const list = parseDocument(source).toJS() as Record<string, { id?: string }[] | undefined> | null;
  return list?.[key]?.findIndex((item) => item.id === id) ?? -1;
}
