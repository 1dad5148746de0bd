import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

// The viewer is a static page built into viewer/dist and served by `quotegraph serve`.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
