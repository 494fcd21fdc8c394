/**
 * Sentences and tokens from wink-nlp, with character offsets into the
 * paragraph so that every snippet we cut is a verbatim substring of it.
 */
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  text: string;
  /** Offsets into the paragraph: `paragraph.slice(start, end) === text`. */
  start: number;
  end: number;
  /** Universal part of speech, e.g. PROPN, VERB, PUNCT. */
  pos: string;
  lemma: string;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

let engine: ReturnType<typeof winkNLP> | undefined;

function nlp(): ReturnType<typeof winkNLP> {
  // Loading the model takes a moment; do it once, on first use.
  engine ??= winkNLP(model);
  return engine;
}

/** Splits one paragraph into sentences of tokens located in the paragraph. */
export function analyseParagraph(paragraph: string): Sentence[] {
  const processor = nlp();
  const its = processor.its;
  const doc = processor.readDoc(paragraph);
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens: Token[] = [];
    sentence.tokens().each((token: ItemToken) => {
      const text = token.out();
      const start = paragraph.indexOf(text, cursor);
      // wink hands back the token as written; if it ever normalises one, skip it rather than misplace it.
      if (start < 0) return;
      cursor = start + text.length;
      tokens.push({ text, start, end: cursor, pos: token.out(its.pos), lemma: token.out(its.lemma as unknown as typeof its.value) });
    });
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (first && last) sentences.push({ start: first.start, end: last.end, tokens });
  });
  return sentences;
}
