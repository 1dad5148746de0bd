import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// There is no Docker engine on the build machines: the compose file is checked for the services and wiring it promises.
const compose = parse(readFileSync(fileURLToPath(new URL("../docker-compose.yml", import.meta.url)), "utf8")) as {
  services: Record<
    string,
    {
      image?: string;
      ports?: string[];
      environment?: Record<string, string>;
      healthcheck?: unknown;
      depends_on?: Record<string, { condition: string }>;
      command?: string;
      volumes?: string[];
    }
  >;
  volumes: Record<string, unknown>;
};

describe("docker-compose.yml", () => {
  it("runs the official neo4j:5 image with auth from the environment, a healthcheck and a volume", () => {
    const neo4j = compose.services["neo4j"]!;
    expect(neo4j.image).toBe("neo4j:5");
    expect(neo4j.environment!["NEO4J_AUTH"]).toMatch(/\$\{NEO4J_PASSWORD/);
    expect(neo4j.healthcheck).toBeDefined();
    expect(neo4j.volumes!.some((v) => v.endsWith(":/data"))).toBe(true);
    expect(neo4j.ports).toEqual(["7474:7474", "7687:7687"]);
  });

  it("has a one-shot ingest that builds the sample and loads it once Neo4j is healthy", () => {
    const ingest = compose.services["ingest"]!;
    expect(ingest.depends_on!["neo4j"]!.condition).toBe("service_healthy");
    expect(ingest.command).toMatch(/quotegraph\.mjs build samples/);
    expect(ingest.command).toMatch(/quotegraph\.mjs load/);
    expect(ingest.environment!["NEO4J_PASSWORD"]).toMatch(/\$\{NEO4J_PASSWORD/);
  });

  it("serves the viewer on 8080 after the ingest", () => {
    const viewer = compose.services["viewer"]!;
    expect(viewer.ports).toEqual(["8080:8080"]);
    expect(viewer.depends_on!["ingest"]!.condition).toBe("service_completed_successfully");
    expect(viewer.command).toMatch(/serve --data/);
  });
});
