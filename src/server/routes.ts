import type { FastifyInstance, FastifyReply } from "fastify";
import { createHash } from "node:crypto";
import type { z } from "zod";
import {
  DetailsQuery,
  EgoQuery,
  FacetsQuery,
  NodeKeyParam,
  PathQuery,
  SearchQuery,
  ViewQuery,
} from "../../schema/api.ts";
import type { GraphSource } from "../graph-source.ts";

/** A parameter failed its schema: answered 400 with the parameter's name and the reason. */
class BadParameter extends Error {
  readonly statusCode = 400;
}

/** Parses request input with a zod schema, or throws a 400 naming the first bad parameter. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.path.length > 0 ? issue.path.join(".") : "query";
  throw new BadParameter(`bad parameter \`${name}\`: ${issue.message}`);
}

/**
 * The read-only JSON API over a GraphSource. Responses carry a weak ETag made from the graph's version and the
 * request URL: one version's answers never change, so a matching If-None-Match is answered 304 before anything is
 * computed, and `Cache-Control: no-cache` makes browsers ask every time (a new build served changes every ETag).
 */
export async function registerApi(app: FastifyInstance, source: GraphSource): Promise<void> {
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    source.checkForUpdate?.();
    const tag = `W/"${source.version}-${createHash("sha1").update(request.url).digest("hex").slice(0, 16)}"`;
    reply.header("etag", tag).header("cache-control", "no-cache");
    if (request.headers["if-none-match"] === tag) return reply.code(304).send();
  });
  const json = (reply: FastifyReply, body: unknown) => reply.type("application/json; charset=utf-8").send(body);

  app.get("/api/health", async (_request, reply) => json(reply, { ok: true, version: source.version }));
  app.get("/api/info", async (_request, reply) => json(reply, await source.info()));
  app.get("/api/facets", async (request, reply) => json(reply, await source.facets(parse(FacetsQuery, request.query))));
  app.get("/api/view", async (request, reply) => json(reply, await source.view(parse(ViewQuery, request.query))));
  app.get("/api/ego", async (request, reply) => json(reply, await source.ego(parse(EgoQuery, request.query))));
  app.get("/api/path", async (request, reply) => json(reply, await source.path(parse(PathQuery, request.query))));
  app.get("/api/search", async (request, reply) => {
    const { q, limit } = parse(SearchQuery, request.query);
    return json(reply, { results: await source.search(q, limit) });
  });
  app.get("/api/node/:key", async (request, reply) => {
    const { key } = parse(NodeKeyParam, request.params);
    const details = await source.details(key, parse(DetailsQuery, request.query));
    if (!details) return reply.code(404).send({ error: `no node \`${key}\`` });
    return json(reply, details);
  });
  app.get("/api/report", async (request, reply) => {
    const report = await source.report(parse(DetailsQuery, request.query));
    if (!report) return reply.code(404).send({ error: "this build has no report.json" });
    return json(reply, report);
  });
}
