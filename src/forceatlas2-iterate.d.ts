// graphology-layout-forceatlas2 ships its single-iteration step (the one its own worker runs) without typings.
declare module "graphology-layout-forceatlas2/iterate.js" {
  /** One ForceAtlas2 iteration over the node matrix (10 floats per node) and edge matrix (3 floats per edge). */
  export default function iterate(settings: object, nodes: Float32Array, edges: Float32Array): unknown;
}
declare module "graphology-layout-forceatlas2/defaults.js" {
  const defaults: Record<string, number | boolean>;
  export default defaults;
}
