import { QuadTree } from "./barnes-hut.ts";

/** A graph as the layout sees it: node positions (changed in place) and edges as index pairs. */
export interface LayoutInput {
  x: Float64Array;
  y: Float64Array;
  /** Edge i joins node `sources[i]` and node `targets[i]`. */
  sources: Int32Array;
  targets: Int32Array;
}

/** ForceAtlas2's settings (Jacomy et al. 2014, with Gephi's defaults for graphs over 100 nodes). */
export interface ForceAtlas2Settings {
  iterations: number;
  /** Repulsion strength (kr). */
  scalingRatio: number;
  gravity: number;
  /** Barnes–Hut accuracy: a cell narrower than theta times its distance repels as one body. */
  theta: number;
  jitterTolerance: number;
}

/** Gephi's defaults for large graphs. */
export const FA2_DEFAULTS: Omit<ForceAtlas2Settings, "iterations"> = {
  scalingRatio: 2,
  gravity: 1,
  theta: 1.2,
  jitterTolerance: 1,
};

/**
 * Runs ForceAtlas2 for a fixed number of iterations: degree-weighted repulsion between all nodes through a
 * Barnes–Hut quadtree (n log n per iteration), linear attraction along edges, gravity to the centre, and the
 * adaptive speed of the paper (each node slows down where it swings, the whole graph speeds up while it converges).
 * Deterministic: no randomness, and every sum is taken in the same order.
 */
export function runForceAtlas2(input: LayoutInput, settings: ForceAtlas2Settings): void {
  const { x, y, sources, targets } = input;
  const n = x.length;
  if (n < 2) return;
  const mass = new Float64Array(n).fill(1);
  for (let e = 0; e < sources.length; e++) {
    mass[sources[e]!]! += 1;
    mass[targets[e]!]! += 1;
  }
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const oldFx = new Float64Array(n);
  const oldFy = new Float64Array(n);
  const tree = new QuadTree();
  const { scalingRatio: kr, gravity, theta, jitterTolerance } = settings;
  let speed = 1;
  let speedEfficiency = 1;

  for (let iteration = 0; iteration < settings.iterations; iteration++) {
    oldFx.set(fx);
    oldFy.set(fy);
    tree.build(n, x, y, mass);
    for (let i = 0; i < n; i++) {
      tree.repel(i, x, y, mass, kr, theta);
      // gravity: a pull of mass · g towards the centre, whatever the distance
      const d = Math.sqrt(x[i]! * x[i]! + y[i]! * y[i]!);
      const g = d > 0 ? (mass[i]! * gravity) / d : 0;
      fx[i] = tree.fx - x[i]! * g;
      fy[i] = tree.fy - y[i]! * g;
    }
    for (let e = 0; e < sources.length; e++) {
      const s = sources[e]!;
      const t = targets[e]!;
      const dx = x[s]! - x[t]!;
      const dy = y[s]! - y[t]!;
      fx[s] = fx[s]! - dx;
      fy[s] = fy[s]! - dy;
      fx[t] = fx[t]! + dx;
      fy[t] = fy[t]! + dy;
    }

    // adaptive speed: swinging is erratic movement, traction useful movement, both weighted by mass
    let swinging = 0;
    let traction = 0;
    for (let i = 0; i < n; i++) {
      swinging += mass[i]! * norm(oldFx[i]! - fx[i]!, oldFy[i]! - fy[i]!);
      traction += 0.5 * mass[i]! * norm(oldFx[i]! + fx[i]!, oldFy[i]! + fy[i]!);
    }
    const estimated = 0.05 * Math.sqrt(n);
    let jitter = jitterTolerance * Math.max(Math.sqrt(estimated), Math.min(10, (estimated * traction) / (n * n)));
    if (swinging / traction > 2) {
      if (speedEfficiency > 0.05) speedEfficiency *= 0.5;
      jitter = Math.max(jitter, jitterTolerance);
    }
    const target = swinging > 0 ? (jitter * speedEfficiency * traction) / swinging : speed;
    if (swinging > jitter * traction) {
      if (speedEfficiency > 0.05) speedEfficiency *= 0.7;
    } else if (speed < 1000) speedEfficiency *= 1.3;
    // the speed may rise by half at most per iteration, or the layout would not converge
    speed += Math.min(target - speed, 0.5 * speed);

    for (let i = 0; i < n; i++) {
      const swing = mass[i]! * norm(oldFx[i]! - fx[i]!, oldFy[i]! - fy[i]!);
      const factor = speed / (1 + Math.sqrt(speed * swing));
      x[i]! += fx[i]! * factor;
      y[i]! += fy[i]! * factor;
    }
  }
}

const norm = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);
