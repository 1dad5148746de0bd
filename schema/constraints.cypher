// Neo4j constraints and indexes for the quotegraph model (labels and properties: schema/neo4j.ts).
// Every statement is idempotent: `quotegraph load` and the Cypher export run them before any data.
// The uniqueness constraints on `key` also give the index each MERGE and relationship MATCH seeks through.
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT org_key IF NOT EXISTS FOR (n:Org) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT quote_key IF NOT EXISTS FOR (n:Quote) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT article_key IF NOT EXISTS FOR (n:Article) REQUIRE n.key IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX org_name IF NOT EXISTS FOR (n:Org) ON (n.name);
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
// Full-text indexes use Lucene's CJK analyzer: it indexes Chinese as overlapping character pairs (北约 matches 北约
// and not every text holding 北 or 约) and Latin words as words, case-folded.
CREATE FULLTEXT INDEX quote_text IF NOT EXISTS FOR (n:Quote) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX entity_aliases IF NOT EXISTS FOR (n:Person|Org) ON EACH [n.name, n.aliasText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
