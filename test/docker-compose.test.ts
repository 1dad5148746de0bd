import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No Docker engine runs on the build machines, so the compose file is checked by Debian's docker-compose 1.29
// (`docker-compose config` resolves and validates it without an engine) and the Dockerfile by what it must say.

const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const read = (file: string): string => readFileSync(`${ROOT}/${file}`, "utf8");
const HAS_COMPOSE = spawnSync("docker-compose", ["version"], { encoding: "utf8" }).status === 0;
if (!HAS_COMPOSE)
  console.warn("docker-compose config checks skipped: no docker-compose binary (apt-get install docker-compose)");

interface Service {
  image?: string;
  build?: { context: string };
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
  entrypoint?: string[];
  volumes?: string[];
}

/** The compose file as docker-compose resolves it, with the given environment (no .env of the checkout). */
function composeConfig(env: Record<string, string>, envFile = ".env.example") {
  const result = spawnSync("docker-compose", ["--env-file", envFile, "-f", "docker-compose.yml", "config"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", ...env },
  });
  return {
    status: result.status,
    stderr: result.stderr,
    config: result.status === 0 ? (parse(result.stdout) as { services: Record<string, Service> }) : undefined,
  };
}

describe.skipIf(!HAS_COMPOSE)("docker-compose config", () => {
  const { status, stderr, config } = HAS_COMPOSE ? composeConfig({}) : { status: 0, stderr: "", config: undefined };
  const services = config?.services ?? {};

  it("accepts the compose file with the committed .env.example", () => {
    expect(stderr).not.toMatch(/ERROR/);
    expect(status).toBe(0);
    expect(Object.keys(services).sort()).toEqual(["ingest", "neo4j", "viewer"]);
  });

  it("runs neo4j:5 with a data volume, a healthcheck and the password from .env", () => {
    const neo4j = services["neo4j"]!;
    expect(neo4j.image).toBe("neo4j:5");
    expect(neo4j.environment!["NEO4J_AUTH"]).toBe("neo4j/change-me-please");
    expect(neo4j.volumes).toContain("neo4j-data:/data:rw");
    expect(neo4j.healthcheck!.test.join(" ")).toMatch(/cypher-shell .*RETURN 1/);
    expect(neo4j.ports).toEqual(["127.0.0.1:7474:7474/tcp", "127.0.0.1:7687:7687/tcp"]);
  });

  it("builds and loads the ARTICLES folder, read-only, once Neo4j is healthy", () => {
    const ingest = services["ingest"]!;
    expect(ingest.build!.context).toBe(ROOT);
    expect(ingest.depends_on!["neo4j"]!.condition).toBe("service_healthy");
    expect(ingest.volumes).toContain(`${ROOT}/samples:/articles:ro`);
    expect(ingest.entrypoint!.join(" ")).toMatch(/quotegraph\.mjs build \/articles --out \/data --neo4j/);
    expect(ingest.environment).toMatchObject({ NEO4J_URI: "bolt://neo4j:7687", NEO4J_PASSWORD: "change-me-please" });
    const empty = join(mkdtempSync(join(tmpdir(), "qg-env-")), "empty.env");
    writeFileSync(empty, "");
    const other = composeConfig({ ARTICLES: "/srv/news" }, empty);
    expect(other.stderr).toMatch(/NEO4J_PASSWORD/);
    const withFolder = composeConfig({ ARTICLES: "/srv/news", NEO4J_PASSWORD: "another-password" }, empty);
    expect(withFolder.config!.services["ingest"]!.volumes).toContain("/srv/news:/articles:ro");
  });

  it("serves the viewer on 8080 after the ingest, from the ingest's build", () => {
    const viewer = services["viewer"]!;
    expect(viewer.ports).toEqual(["127.0.0.1:8080:8080/tcp"]);
    expect(viewer.depends_on!["ingest"]!.condition).toBe("service_completed_successfully");
    expect(viewer.command).toEqual(["serve", "--data", "/data", "--host", "0.0.0.0", "--port", "8080"]);
    expect(viewer.image).toBe(services["ingest"]!.image);
  });

  it("never mounts the checkout into a container (it is only the image's build context)", () => {
    for (const [name, service] of Object.entries(services))
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0]!;
        expect(source === ROOT || source === `${ROOT}/`, `${name}: ${volume}`).toBe(false);
        if (source.startsWith(ROOT)) expect(volume, `${name}: ${volume}`).toMatch(/:ro$/);
      }
  });
});

describe("Dockerfile and friends", () => {
  const dockerfile = read("Dockerfile");

  it("installs dependencies and builds the viewer in a build stage, and runs as an unprivileged user", () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\w+)$/gm)].map((m) => m[2]);
    expect(stages).toEqual(["build", "runtime"]);
    const [build, runtime] = dockerfile.split(/^FROM .* AS runtime$/m);
    expect(build).toMatch(/^RUN npm ci\b/m);
    expect(build).toMatch(/npm run build:viewer/);
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(/^COPY --from=build /m);
    expect(runtime).toMatch(/^USER node$/m);
    expect(dockerfile).not.toMatch(/^VOLUME/m);
  });

  it("keeps the checkout's node_modules, builds, .env and git history out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", "viewer/dist", "data", ".env", ".git"]) expect(ignored).toContain(entry);
  });

  it("commits .env.example with every variable compose needs, and git ignores .env", () => {
    const example = Object.fromEntries(
      read(".env.example")
        .split("\n")
        .filter((l) => /^\w+=/.test(l))
        .map((l) => l.split("=", 2) as [string, string]),
    );
    expect(Object.keys(example).sort()).toEqual(["ARTICLES", "NEO4J_PASSWORD"]);
    // Neo4j 5 refuses passwords under 8 characters at start-up
    expect(example["NEO4J_PASSWORD"]!.length).toBeGreaterThanOrEqual(8);
    expect(read(".gitignore").split("\n")).toContain(".env");
    const variables = [...read("docker-compose.yml").matchAll(/(?<!\$)\$\{(\w+)/g)].map((m) => m[1]);
    for (const v of variables) expect(Object.keys(example)).toContain(v);
  });
});
