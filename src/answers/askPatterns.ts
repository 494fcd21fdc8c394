/** The phrasings the `ask` router recognises, matched against the cleaned, lowercase question. */

export const HELP = /^(?:\/?help|what can you do|what do you do|how do (?:i|you) use (?:you|this|it)|what commands|commands|how does (?:this|it) work|usage)\b/;
export const BRIEF =
  /^(?:\/?brief(?: me)?|(?:give me |get me )?(?:a |the )?(?:brief|briefing|summary|rundown|overview|recap|tl;?dr)(?: (?:of|on) (?:the |this )?(?:story|news|situation|talks))?|summari[sz]e(?: (?:the|this) (?:story|news|situation))?|catch me up|what(?:'s| is) (?:the|this) story(?: about)?|what(?:'s| is) going on|what(?:'s| is) (?:this|it) (?:all )?about|what is the story)$/;
export const SOURCES =
  /(?:^|\b)(?:which|what) (?:outlets?|sources?|articles?|newspapers?|papers?|publications?|media)\b|^(?:list|show)(?: me)? (?:the |your )?(?:sources|articles|outlets)|^\/?sources$|where (?:does|do|did) (?:this|the|your|you get (?:the|your)) (?:info|information|facts?|data)/;
export const ON_THIS_DAY = /\b(?:on this day|today in history|this day in (?:history|the story)|anniversar(?:y|ies))\b/;
export const TIMELINE = /\b(?:timeline|chronology|chronological order|sequence of events|order of events)\b(?:\s+(?:of|for|about|on|with|involving)\s+(?:the\s+)?(.+))?/;
const SAY = '(?:say|said|tell|told|claim|claimed|argue|argued|think|state|stated|declare|warn|warned|promise|promised|mean|complain|complained|comment|write|wrote|insist|stress|have to say)';
/** Speaker in group 1, the rest (maybe "about Y", maybe "to CNN") in group 2. */
export const QUOTE_PATTERNS: readonly RegExp[] = [
  new RegExp(`^what (?:did|does|has|had|do|would) (.+?) ${SAY}\\b\\s*(.*)$`),
  /^did (.+?) (?:say|comment|speak|talk) (?:anything |something )?((?:about|on) .+)$/,
  /^(?:any |give me |show me )?(?:quotes?|quotations?|statements?|words) (?:by|from|of) (.+?)((?: (?:about|on) .+)?)$/,
];
/** What a quote question is about: "about sanctions" → "sanctions"; "to CNN" → nothing. */
export function subjectOf(rest: string): string | undefined {
  const about = /^(?:about|on|regarding|concerning|of|when it comes to)\s+(.+)$/.exec(rest.trim());
  return about?.[1]?.trim() || undefined;
}
export const QUOTE_ABOUT = /^(?:any |give me |show me )?(?:quotes?|quotations?) (?:about|on) (.+)$/;
export const WHO_SAID = /^who (?:said|says|told|claimed|stated)\b/;
export const FIGURE = /^(?:how (?:many|much|big|large|long|serious|widespread|costly)|what (?:was|is|were) the (?:number|amount|size|scale|total|cost|extent|count)|what number)\b/;
export const WHEN = /^(?:when|what date|what day|on what (?:date|day)|on which (?:date|day)|at what (?:date|time))\b/;
export const WHAT_HAPPENED = /^(?:what (?:happened|took place|occurred|went on|was going on|events? (?:happened|were there|took place))|(?:any )?events?|was there anything|did anything happen|anything (?:happen(?:ed)?|going on))\b\s*(.*)$/;
export const WHO = /^(?:who(?:'s| is| was| are| were)|tell me (?:more )?about|what do (?:you|we) know about|describe|(?:give me )?(?:some )?info(?:rmation)? (?:on|about)|profile(?: of)?|who the (?:hell|heck) is)\s+(.+)$/;
export const ROLE = /^(?:what (?:is|was|are|were) (.+?)(?:'s|s') (?:role|job|title|position|post)|what (?:role|job|title|position|post) (?:does|did|do) (.+?) (?:have|hold|play)|what (?:does|did) (.+?) do)$/;
export const WHAT_IS = /^(?:what|which)(?:'s| is| was| are| were)\s+(.+)$/;

/** "Do the sources disagree?", "compare the sources on X": the subject, if any, in group 1. */
export const DISAGREE =
  /\b(?:disagree(?:ments?)?|discrepanc(?:y|ies)|conflicting|contradict(?:s|ions?|ory)?|inconsisten(?:t|cy|cies)|compare (?:the |their )?(?:sources|articles|outlets|reports|accounts)|(?:sources|articles|outlets|reports|accounts) (?:differ|vary))\b(?:.*?\b(?:on|about|over|regarding|concerning|as to)\s+(.+))?/;
/** "Is Meng Jianzhu in the sources?": the name in group 1. */
export const IN_SOURCES = /^(?:is|are|was|were) (.+?) (?:in|mentioned in|named in|covered (?:in|by)) (?:the |your |these )?(?:sources|articles|news|story|coverage|briefing)$/;
