/**
 * A Barnes–Hut quadtree over node positions, rebuilt every iteration: each cell carries the total mass and the
 * centre of mass of the nodes inside it, so that a far cell repels a node as one body. Cells live in flat typed
 * arrays (four children side by side) to keep a tree of 200,000 nodes cheap to build and to walk.
 */
export class QuadTree {
  private capacity = 0;
  private count = 0;
  // per cell: centre and half-width of its square, mass, mass-weighted position sums, first child, single node
  private cx: Float64Array = new Float64Array(0);
  private cy: Float64Array = new Float64Array(0);
  private half: Float64Array = new Float64Array(0);
  private mass: Float64Array = new Float64Array(0);
  private mx: Float64Array = new Float64Array(0);
  private my: Float64Array = new Float64Array(0);
  private child: Int32Array = new Int32Array(0);
  private node: Int32Array = new Int32Array(0);
  private depth: Int32Array = new Int32Array(0);
  private stack: Int32Array = new Int32Array(0);

  /** Rebuilds the tree over `n` nodes at (x, y) with masses `m`. */
  build(n: number, x: Float64Array, y: Float64Array, m: Float64Array): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (x[i]! < minX) minX = x[i]!;
      if (x[i]! > maxX) maxX = x[i]!;
      if (y[i]! < minY) minY = y[i]!;
      if (y[i]! > maxY) maxY = y[i]!;
    }
    this.ensure(4 * n + 8);
    this.count = 0;
    const root = this.cell((minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY) / 2 + 1e-9, 0);
    for (let i = 0; i < n; i++) this.insert(root, i, x[i]!, y[i]!, m[i]!, x, y, m);
  }

  /** The force found by the last `repel` (fields, not a returned pair: one call per node per iteration). */
  fx = 0;
  fy = 0;

  /**
   * The repulsion of every other node on node `i`, `kr · mᵢ · mⱼ / d` away from each, taking a cell as one body
   * when its width is under `theta` times its distance; left in `fx`, `fy`.
   */
  repel(i: number, x: Float64Array, y: Float64Array, m: Float64Array, kr: number, theta: number): void {
    const xi = x[i]!;
    const yi = y[i]!;
    const ki = kr * m[i]!;
    let fx = 0;
    let fy = 0;
    let top = 0;
    this.stack[top++] = 0;
    while (top > 0) {
      const c = this.stack[--top]!;
      const cm = this.mass[c]!;
      if (cm === 0) continue;
      const single = this.node[c]!;
      if (single === i) continue;
      const dx = xi - this.mx[c]! / cm;
      const dy = yi - this.my[c]! / cm;
      const d2 = dx * dx + dy * dy;
      const first = this.child[c]!;
      if (first < 0 || 4 * this.half[c]! * this.half[c]! < theta * theta * d2) {
        if (d2 > 0) {
          // kr·mi·mj / d along the unit vector (dx, dy)/d
          const f = (ki * cm) / d2;
          fx += dx * f;
          fy += dy * f;
        }
        continue;
      }
      for (let k = 0; k < 4; k++) this.stack[top++] = first + k;
    }
    this.fx = fx;
    this.fy = fy;
  }

  private insert(
    root: number,
    i: number,
    xi: number,
    yi: number,
    mi: number,
    x: Float64Array,
    y: Float64Array,
    m: Float64Array,
  ): void {
    let c = root;
    for (;;) {
      const first = this.child[c]!;
      if (first < 0 && this.mass[c] === 0) {
        this.node[c] = i;
        this.add(c, xi, yi, mi);
        return;
      }
      if (first < 0) {
        const other = this.node[c]!;
        // nodes on the same spot (or a tree this deep) share the cell: it repels as one body
        if (other < 0 || this.depth[c]! >= MAX_DEPTH) {
          this.node[c] = -1;
          this.add(c, xi, yi, mi);
          return;
        }
        this.split(c);
        this.node[c] = -1;
        const q = this.quadrant(c, x[other]!, y[other]!);
        this.node[q] = other;
        this.add(q, x[other]!, y[other]!, m[other]!);
      }
      this.add(c, xi, yi, mi);
      c = this.quadrant(c, xi, yi);
    }
  }

  private add(c: number, xi: number, yi: number, mi: number): void {
    this.mass[c] = this.mass[c]! + mi;
    this.mx[c] = this.mx[c]! + xi * mi;
    this.my[c] = this.my[c]! + yi * mi;
  }

  private split(c: number): void {
    const h = this.half[c]! / 2;
    const d = this.depth[c]! + 1;
    const first = this.cell(this.cx[c]! - h, this.cy[c]! - h, h, d);
    this.cell(this.cx[c]! + h, this.cy[c]! - h, h, d);
    this.cell(this.cx[c]! - h, this.cy[c]! + h, h, d);
    this.cell(this.cx[c]! + h, this.cy[c]! + h, h, d);
    this.child[c] = first;
  }

  private quadrant(c: number, xi: number, yi: number): number {
    return this.child[c]! + (xi >= this.cx[c]! ? 1 : 0) + (yi >= this.cy[c]! ? 2 : 0);
  }

  private cell(cx: number, cy: number, half: number, depth: number): number {
    if (this.count === this.capacity) this.ensure(this.capacity * 2);
    const c = this.count++;
    this.cx[c] = cx;
    this.cy[c] = cy;
    this.half[c] = half;
    this.mass[c] = 0;
    this.mx[c] = 0;
    this.my[c] = 0;
    this.child[c] = -1;
    this.node[c] = -1;
    this.depth[c] = depth;
    return c;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.capacity) return;
    const f = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a.subarray(0, this.count));
      return b;
    };
    const int = (a: Int32Array): Int32Array => {
      const b = new Int32Array(capacity);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.cx = f(this.cx);
    this.cy = f(this.cy);
    this.half = f(this.half);
    this.mass = f(this.mass);
    this.mx = f(this.mx);
    this.my = f(this.my);
    this.child = int(this.child);
    this.node = int(this.node);
    this.depth = int(this.depth);
    // a walk pushes at most three cells per level it descends, plus the four of the last
    this.stack = new Int32Array(Math.max(this.stack.length, 4 * MAX_DEPTH + 8));
    this.capacity = capacity;
  }
}

// Past this depth (cells 2⁻⁴⁰ of the layout wide) nodes are as good as on the same spot.
const MAX_DEPTH = 40;
