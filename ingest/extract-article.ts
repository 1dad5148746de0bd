import type { Article, Paragraph } from "../schema/article.ts";
import { chainMentions, type ArticleEntity } from "./entities/chain-mentions.ts";
import { findMeetings, type ArticleMeeting } from "./meetings/find-meetings.ts";
import { findQuotes, type FoundQuote } from "./quotes/find-quotes.ts";
import { simplifyText } from "./text/simplify.ts";

/** Everything found in one article, with article-local entity ids. */
export interface ArticleExtraction {
  article: Article;
  entities: ArticleEntity[];
  quotes: FoundQuote[];
  meetings: ArticleMeeting[];
}

/** Runs the per-article stages: simplified copy, mentions and chains, quotes, meetings. */
export function extractArticle(article: Article): ArticleExtraction {
  const s = simplifyText(article.text);
  const entities = chainMentions(article.text, s);
  // quotes and meetings come from the body and captions (里亚布科夫在与美方会谈前表示，「…」; 马斯克（左）与李强在北京);
  // titles, headings and asides (credit lines, link lists) name entities but report nothing
  const reports = paragraphTest(article, ["body", "caption"]);
  const quotes = findQuotes(article.text, s, entities, reports);
  const meetings = findMeetings(article.text, s, article.published, entities, reports);
  return { article, entities, quotes, meetings };
}

/** A test for positions of the text: true inside paragraphs of the given kinds. */
function paragraphTest(article: Article, kinds: Paragraph["kind"][]): (at: number) => boolean {
  const ranges = article.paragraphs
    .filter((p) => kinds.includes(p.kind))
    .map((p) => [p.start, p.start + p.text.length]);
  return (at) => ranges.some(([from, to]) => at >= from! && at < to!);
}
