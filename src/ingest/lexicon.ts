/**
 * Word lists for the news-text rules. They describe how news copy is written
 * (titles before names, organisation suffixes, verbs of saying), never the
 * names or phrases of any particular article.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Capitalised words that make a title in front of a name: "Vice Chairman Fan Changlong". */
export const TITLE_WORDS = words(`
  President Vice Chairman Chairwoman Chair Secretary Director Councilor Councillor Minister Premier
  Chancellor Adviser Advisor Ambassador Senator Governor Mayor Spokesman Spokeswoman Spokesperson
  Commissioner Deputy Chief Executive General Gen. Admiral Adm. Colonel Col. Lieutenant Lt. Major
  Sergeant Sgt. Captain Capt. Commander Judge Justice Attorney Prosecutor Representative Rep. Sen.
  Gov. Dr. Mr. Mrs. Ms. Miss Prof. Professor Sir Dame Lord Lady King Queen Prince Princess Pope
  Rev. Father Sheikh Speaker Leader Envoy Undersecretary Under-Secretary CEO Founder Officer
  Inspector Superintendent Marshal Consul Treasurer Comptroller Auditor Provost Dean President-elect
`);

/** Honorifics: after them comes a name, possibly a bare surname ("Mr. Xi"). */
export const HONORIFICS = words(`Mr. Mrs. Ms. Miss Dr. Prof. Sir Dame Rev.`);

/** Lower-case nouns that, right before a capitalised name, make it a person: "spokesman Josh Earnest". */
export const ROLE_NOUNS = words(`
  spokesman spokeswoman spokesperson adviser advisor secretary director manager official officer
  member analyst professor businessman businesswoman executive chairman chairwoman president
  minister ambassador envoy economist researcher fellow lawyer attorney founder chief head leader
  senator governor mayor general commander editor correspondent reporter scientist expert engineer
  diplomat councilor counselor representative aide deputy strategist lawmaker legislator
  congressman congresswoman activist author historian consultant investigator specialist
  entrepreneur investor billionaire banker negotiator prosecutor judge justice premier chancellor
  commissioner coordinator administrator partner president-elect vice-president candidate
`);

/** Words that end (or start, with "of"/"for") an organisation's name. */
export const ORG_HEADS = words(`
  Department Ministry Office Bureau Agency Commission Committee Council Institute Institution Center
  Centre Party University College School Association Foundation Fund Bank Court Congress Senate
  Parliament Assembly Corporation Corp. Company Co. Inc. Ltd. LLC Group Holdings Airlines Airways
  Times Post Journal Herald Tribune Gazette Chronicle Telegraph Guardian Service Services Army Navy
  Guard Police Authority Board Organization Organisation Union League Alliance Federation Coalition
  Society Laboratory Laboratories Network Press News Forces Force Administration
  Directorate Secretariat Tribunal Exchange Reserve Treasury Academy Trust
`);

/** Heads that open a name with "of"/"for": "Office of Personnel Management", "Centre for ...". */
export const ORG_OPENING_HEADS = words(`
  Department Ministry Office Bureau Agency Commission Committee Council Institute Institution Center
  Centre University College School Association Foundation Fund Bank Court Union League Federation
  Society Academy Board Authority Directorate
`);

/** Plural heads after a list of names: "the State, Justice and Treasury departments". */
export const PLURAL_ORG_HEADS: ReadonlyMap<string, string> = new Map([
  ['departments', 'Department'],
  ['ministries', 'Ministry'],
  ['agencies', 'Agency'],
  ['committees', 'Committee'],
  ['commissions', 'Commission'],
]);

/** Lower-case nouns that, right before a capitalised name, make it an organisation: "company FireEye". */
export const ORG_CONTEXT_NOUNS = words(`
  company companies firm firms insurer insurers agency group corporation conglomerate giant retailer
  bank carrier airline broadcaster newspaper network outlet publisher maker manufacturer startup
  start-up operator provider contractor developer automaker chipmaker lender regulator watchdog
  think-tank tank charity university
`);

/** Capitalised words that never start or make up a name in running text. */
export const NOT_NAME_WORDS = words(`
  The A An This That These Those It Its He She His Her They Their We Our I You Your But And Or If
  When While After Before Although Though However Meanwhile Nevertheless Despite According In On At
  For From To Of By With As Not No Yes So Then Also Still Even First Second Last Next Other Others
  Many Some Several Each Every Both All Any Most More Much Such There Here Where What Which Who
  Whom Whose Why How Earlier Later Today Tomorrow Yesterday Speaking Photo Related Advertisement
`);

export const WEEKDAYS = words(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`);

export const MONTHS = words(`
  January February March April May June July August September October November December
  Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
`);

/** All-capital abbreviations that are countries or common nouns, not organisations. */
export const NON_ORG_ACRONYMS = words(`
  US USA U.S. U.S.A. UK U.K. UAE PRC DPRK ROK CEO CFO COO CTO GDP TV AM PM IT AI ID PC DNA UTC GMT
  EST EDT PST PDT OK II III IV HQ FAQ PDF URL
`);

/** Verbs that introduce what someone said. */
export const SPEECH_VERBS = words(`
  said says say told tells tell added adds claimed claims claim contended contends contend stated
  states state asked asks explained explains insisted insists noted notes wrote writes argued argues
  warned warns declared declares announced announces replied replies answered answers remarked
  remarks observed observes acknowledged acknowledges admitted admits conceded concedes suggested
  suggests recalled recalls continued continues concluded concludes cautioned cautions emphasized
  emphasised emphasizes emphasises stressed stresses maintained maintains testified testifies
  predicted predicts promised promises vowed vows urged urges responded responds commented comments
  reported reports tweeted tweets posted posts called calls described describes
`);

/** Nouns an anonymous or back-referenced speaker is called by: "the official contends". */
export const SOURCE_NOUNS = words(`
  official officials source sources spokesman spokeswoman spokesperson diplomat aide analyst
  officer executive statement
`);

/** Irregular past-tense forms (regular ones end in -ed). */
export const IRREGULAR_PAST = words(`
  said told met spoke began gave took held came went made wrote sent saw left found thought brought
  became won lost ran sat stood rose fell led heard paid kept knew grew drew flew threw chose broke
  woke wore drove rode struck sought taught caught bought fought felt dealt meant spent built lent
  shot slept swept sold stuck sang rang swam hung was were had did got forgot froze hid shook stole
  swore understood withdrew
`);

/** Words that put a clause in the future (or the scheduled present of news copy). */
export const FUTURE_MARKERS = words(`will ’ll 'll shall due slated scheduled expected upcoming going planned plans plan set`);

/** Endings of company names, whose first word alone also names the company ("Quantel Systems Inc." → "Quantel"). */
export const CORPORATE_SUFFIXES = words(`Inc. Inc Corp. Corp Ltd. Ltd LLC Co. Group Holdings Company Corporation plc PLC AG SA`);
