/**
 * A streaming scanner for graphology's graph.json: it yields the elements of the top-level `nodes` and `edges`
 * arrays one by one, each parsed on its own, so memory holds one element at a time instead of the whole file.
 * The hkcnews build's graph.json is hundreds of megabytes on one line; `JSON.parse` of the whole text needs several
 * times that in memory, and V8 refuses strings over 512 MiB outright.
 */

/** One element of a top-level array of graph.json. */
export interface JsonElement {
  section: "nodes" | "edges";
  index: number;
  value: unknown;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Scans JSON text arriving in chunks; feed() returns the elements each chunk completes, parsed, in order. */
export class GraphJsonScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private expectKey = false;
  /** the name of the top-level member being read */
  private key: string | undefined;
  private keyPieces: string[] | undefined;
  private keyFrom = 0;
  /** the array member (nodes or edges) whose elements are cut out */
  private section: JsonElement["section"] | undefined;
  private elementPieces: string[] | undefined;
  private elementFrom = 0;
  private readonly counts = { nodes: 0, edges: 0 };

  /** Scans one chunk of text. */
  feed(chunk: string): JsonElement[] {
    const out: JsonElement[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyPieces) {
            this.keyPieces.push(chunk.slice(this.keyFrom, i + 1));
            this.key = JSON.parse(this.keyPieces.join("")) as string;
            this.keyPieces = undefined;
          }
        }
      } else if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectKey) {
          this.keyPieces = [];
          this.keyFrom = i;
          this.expectKey = false;
        } else if (this.depth === 2 && this.section && !this.elementPieces) this.refuseBareValue(c);
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (this.depth === 0) {
          if (c !== OPEN_BRACE) throw new Error("graph.json is not a JSON object");
          this.expectKey = true;
        } else if (this.depth === 1 && c === OPEN_BRACKET && (this.key === "nodes" || this.key === "edges"))
          this.section = this.key;
        else if (this.depth === 2 && this.section) {
          this.elementPieces = [];
          this.elementFrom = i;
        }
        this.depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 2 && this.elementPieces && this.section) {
          this.elementPieces.push(chunk.slice(this.elementFrom, i + 1));
          const value: unknown = JSON.parse(this.elementPieces.join(""));
          out.push({ section: this.section, index: this.counts[this.section]++, value });
          this.elementPieces = undefined;
        } else if (this.depth === 1) this.section = undefined;
      } else if (this.depth === 1 && c === COMMA) this.expectKey = true;
      else if (this.depth === 1 && c === COLON) this.expectKey = false;
      else if (this.depth === 2 && this.section && !this.elementPieces && c !== COMMA && !WHITESPACE.has(c))
        this.refuseBareValue(c);
    }
    // an element or a key still open at the end of the chunk continues in the next one
    if (this.elementPieces) {
      this.elementPieces.push(chunk.slice(this.elementFrom));
      this.elementFrom = 0;
    }
    if (this.keyPieces) {
      this.keyPieces.push(chunk.slice(this.keyFrom));
      this.keyFrom = 0;
    }
    return out;
  }

  /** Throws unless the text ended where the JSON document ends. */
  end(): void {
    if (this.depth !== 0 || this.inString) throw new Error("graph.json ends in the middle of the document");
  }

  // nodes and edges hold objects only: a bare value there would otherwise be skipped without a word
  private refuseBareValue(c: number): never {
    const where = `${this.section ?? ""}[${this.section ? this.counts[this.section] : 0}]`;
    throw new Error(`graph.json: ${where} is not an object (starts with ${JSON.stringify(String.fromCharCode(c))})`);
  }
}
