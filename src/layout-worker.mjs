// Entry of the layout's worker thread: runs graphology-layout-forceatlas2's iterations on the matrices it is given
// and sends the node matrix back. Plain JavaScript, so the thread starts without the TypeScript loader.
//
// Why a thread: each iteration builds its Barnes–Hut tree in a fresh growing JavaScript array, 36 MB of garbage per
// iteration on the whole archive (73,000 laid-out nodes). In the build's thread, beside a 900 MB graph, V8 let that
// garbage pile up to 540 MB before collecting any; a thread of its own collects it in its small heap as it goes.
import { parentPort, workerData } from "node:worker_threads";
import iterate from "graphology-layout-forceatlas2/iterate.js";

const { settings, nodes, edges, iterations } = workerData;
for (let i = 0; i < iterations; i++) iterate(settings, nodes, edges);
parentPort.postMessage(nodes, [nodes.buffer]);
