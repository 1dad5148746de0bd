// Preloaded (node --import) into a build that a test kills while it writes: every write through a FileHandle
// waits QG_SLOW_WRITE_MS first, so the build is certainly in the middle of writing its export when the test sees
// a temporary file appear and sends SIGKILL. Reads are untouched.
import { open } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

const delay = Number(process.env.QG_SLOW_WRITE_MS ?? 1000);
const probe = await open(process.execPath, "r");
const FileHandle = Object.getPrototypeOf(probe);
await probe.close();
for (const method of ["write", "writeFile", "writev", "appendFile"]) {
  const original = FileHandle[method];
  FileHandle[method] = async function slowed(...args) {
    await sleep(delay);
    return original.apply(this, args);
  };
}
