import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";

/**
 * A file written as a stream into a temporary file beside it and renamed into place on commit, so an export killed
 * half-way leaves the previous file whole. write() waits while the disk is behind, which keeps memory flat however
 * large the export grows.
 */
export class StreamFile {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.tmp = `${path}.${process.pid}.tmp`;
    this.stream = createWriteStream(this.tmp);
    this.stream.on("error", (error) => (this.failure = error));
  }

  /** Appends text, waiting for the stream to drain when its buffer is full. */
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    // once() rejects if the stream fails while waiting, so a full disk cannot leave this hanging
    if (!this.stream.write(text)) await once(this.stream, "drain");
    if (this.failure) throw this.failure;
  }

  /** Flushes, closes and renames the file into place. */
  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, "close");
    if (this.failure) throw this.failure;
    await rename(this.tmp, this.path);
  }

  /** Closes and removes the temporary file; the previous file, if any, stays as it was. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
  }
}
