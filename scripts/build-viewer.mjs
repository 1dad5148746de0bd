#!/usr/bin/env node
// Builds the viewer (viewer/ → viewer/dist) with Vite. Run by `npm install` (the `prepare` script), so that
// `quotegraph serve` works straight after installing, and by `npm run build:viewer` after changing the viewer.
// Without Vite (an install with --omit=dev) it says so and exits 0: the install must not fail for it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const vite = fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url));
if (!existsSync(vite)) {
  process.stderr.write(
    "quotegraph: viewer not built (Vite is a dev dependency; run `npm install` with dev dependencies)\n",
  );
  process.exit(0);
}
const result = spawnSync(process.execPath, [vite, "build", "--config", "viewer/vite.config.ts", "--logLevel", "warn"], {
  cwd: root,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
