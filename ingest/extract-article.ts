import type { Article } from "../schema/article.ts";
import { chainMentions, type ArticleEntity } from "./chain-mentions.ts";
import { findMeetings, type ArticleMeeting } from "./find-meetings.ts";
import { findQuotes, type FoundQuote } from "./find-quotes.ts";
import { simplifyText } from "./simplify.ts";

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
  const quotes = findQuotes(article.text, s, entities);
  const meetings = findMeetings(article.text, s, article.published, entities);
  return { article, entities, quotes, meetings };
}
