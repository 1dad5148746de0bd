import orgSuffixes from "../lexicon/org-suffixes.json" with { type: "json" };
import places from "../lexicon/places.json" with { type: "json" };
import registry from "../lexicon/registry.json" with { type: "json" };
import speechVerbs from "../lexicon/speech-verbs.json" with { type: "json" };
import surnames from "../lexicon/surnames.json" with { type: "json" };
import titles from "../lexicon/titles.json" with { type: "json" };
import translit from "../lexicon/translit-chars.json" with { type: "json" };
import japaneseSurnames from "../lexicon/japanese-surnames.json" with { type: "json" };
import latinGivenNames from "../lexicon/latin-given-names.json" with { type: "json" };

/** An entry of the registry of known entities. */
export interface RegistryEntry {
  id: string;
  label: "Person" | "Org";
  latin: string;
  wikidata?: string;
  names: string[];
  roles?: string[];
  /** For heads of state and government: the country whose government "X政府" means (拜登政府). */
  country?: string;
  /** For persons: sex or gender as Wikidata states it (P21), for telling 他 from 她. */
  gender?: "female" | "male";
}

/** Sorts words longest first, so alternations and scans prefer the longest match. */
const longestFirst = (words: Iterable<string>): string[] => [...new Set(words)].sort((a, b) => b.length - a.length);

/** Escapes a word for use inside a RegExp. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every lexicon the extraction stages use, loaded once from ingest/lexicon/*.json. */
export const LEXICON = {
  personTitles: longestFirst(titles.person),
  referenceWords: titles.reference,
  /** Titles a report uses in turn for one role (政治分析家, 分析人士). */
  titleSynonyms: titles.synonyms,
  speechVerbs: longestFirst(speechVerbs.strong),
  weakSpeechVerbs: longestFirst(speechVerbs.weak),
  /** Verbs that tie a quotation to its speaker without reporting a clause (发文, 辩护, 讲述). */
  attributionVerbs: longestFirst(speechVerbs.attribution),
  /** Speech verbs that take a noun phrase and report a clause only after punctuation (批评X; 宣布，…). */
  objectTakingVerbs: new Set(speechVerbs.objectTaking),
  /** Documents that report without a named author (诉讼称, 决议还称): their quotes have no speaker. */
  reportingDocuments: longestFirst(speechVerbs.documents),
  /** Verbs that frame reported speech (援引, 引述) without being the speaker's own verb. */
  reportingWords: speechVerbs.reportedBy.filter((w) => w.length >= 2),
  translitChars: new Set([...translit.chars]),
  institutions: longestFirst(orgSuffixes.institutions),
  /** Bare names of government bodies and parties (外交部, 房屋局, 自民党), as org-suffixes.json lists them. */
  genericBodyNames: Object.keys(orgSuffixes.genericBodies),
  orgSuffixes: longestFirst(orgSuffixes.suffixes),
  notOrgs: new Set(orgSuffixes.notOrgs),
  countries: places.countries as Record<string, string>,
  countryAbbreviations: places.abbreviations as Record<string, string>,
  cities: places.cities as Record<string, string>,
  venues: places.venues as Record<string, string>,
  regions: places.regions as Record<string, string>,
  venueCities: places.venueCities as Record<string, string>,
  /** Capitals and seats of government, with their country in Chinese (华盛顿 → 美国). */
  capitals: places.capitals as Record<string, string>,
  /** Seats that stand for the institution in them (白宫表示…): organisations when named. */
  institutionVenues: places.institutionVenues as string[],
  placeNames: longestFirst([
    ...Object.keys(places.countries),
    ...Object.keys(places.cities),
    ...Object.keys(places.venues),
    ...Object.keys(places.regions),
  ]),
  singleSurnames: new Set([...surnames.single]),
  doubleSurnames: surnames.double,
  registry: registry.entities as RegistryEntry[],
  /** Japanese family names of two or more characters (石破, 加藤, 长谷川). */
  japaneseSurnames: longestFirst(japaneseSurnames.twoOrMore),
  /** English given names that name a person when they stand alone in Chinese text (Jack說). */
  latinGivenNames: new Set(latinGivenNames.names),
};

/** English name of a place written in Chinese, or undefined. */
export function placeLatin(name: string): string | undefined {
  return LEXICON.cities[name] ?? LEXICON.venues[name] ?? LEXICON.countries[name] ?? LEXICON.regions[name];
}

/** True when the word is a known place (country, region, city or venue). */
export function isPlace(word: string): boolean {
  return placeLatin(word) !== undefined;
}
