// Entry of an article worker thread: a worker starts without the parent's TypeScript loader, so it registers
// tsx itself before loading the worker's TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
