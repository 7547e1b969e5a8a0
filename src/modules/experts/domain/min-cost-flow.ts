/**
 * Exact transportation solver with convex (piecewise-linear) sink costs: the primal network simplex method.
 *
 * Model, a minimum-cost flow on the sources, the sinks and one root node T:
 *   - source i has supply s_i, T has demand Σ s_i;
 *   - source i → sink j for every allowed pair, uncapacitated (the source's supply bounds it), its cost;
 *   - sink j → T once per segment (capacity, cost): with non-decreasing segment costs these parallel arcs
 *     are exactly the convex load cost (a minimum-cost flow never pays a dearer segment before a cheaper one);
 *   - source i → T, uncapacitated, cost unassignedCost: the units left unassigned.
 * Leaving everything unassigned is feasible, so the first basis needs no artificial arcs: every source
 * hangs from T by its unassigned arc, every sink by its first segment arc (flow 0, pointing to the root):
 * a strongly feasible spanning tree.
 *
 * Pivots. The leaving arc is the last blocking arc of the cycle met from its apex (the join of the two tree
 * paths), which keeps the tree strongly feasible: no cycling on degenerate pivots, whatever arc enters.
 * The tree is kept as parent / predecessor arc and its direction / depth / preorder thread and its reverse.
 * A pivot re-hangs the cut subtree from the entering arc; its new preorder is the old one cut into
 * 2·(stem length) + 1 contiguous pieces, so one walk over the subtree shifts its potentials and depths and
 * only the piece boundaries are relinked. Nothing is recursive.
 *
 * Pricing. Most arcs are source → sink arcs (millions), so they are grouped by source and priced through a
 * small working set: it starts with each source's cheapest arcs (plus all unassigned and segment arcs);
 * pivots use block search over it (blocks of ≈ √size, most negative reduced cost of the first block that
 * has one). When the working set has no candidate left, a pass over the sources' rows (resuming where the
 * previous one stopped) adds each row's most negative arcs, until enough were found; if a whole cycle of
 * rows finds none, no arc has a negative reduced cost: the flow is optimal. The working set is emptied of
 * its unattractive arcs when it grows large.
 *
 * Everything is integral: flows change by whole residual amounts, potentials are sums of integer costs held
 * in doubles (exact while magnitudes stay below 2^53), so reduced costs are compared with 0 exactly and the
 * result is an optimal integral flow.
 */

export type TransportationProblem = {
  /** Groups of identical retailers: how many units each must (if possible) send. */
  sources: { supply: number }[];
  /** Experts: capacity split into convex segments (costs non-decreasing segment by segment), e.g. first 60 % of capacity at cost 0, next 25 % at 1, last 15 % at 3. */
  sinks: { segments: { capacity: number; cost: number }[] }[];
  /** Allowed pairs with a cost per unit (integers; negative = profit). Pairs not listed are not allowed. */
  arcs: { source: number; sink: number; cost: number }[];
  /** Cost per unit a source leaves unassigned (must be finite; the caller makes it large to assign as many as possible). */
  unassignedCost: number;
};

export type TransportationSolution = {
  /** Units sent on each arc, same order as problem.arcs. */
  flows: number[];
  /** Units left unassigned per source. */
  unassigned: number[];
  totalCost: number;
};

/** Arc states: at its lower bound, in the tree (or never usable), at its upper bound. */
const LOWER = 1;
const TREE = 0;
const UPPER = -1;
/** Direction of a node's tree arc: node → parent, or parent → node. */
const UP = 1;
const DOWN = -1;

/** Cheapest arcs of each source in the first working set. */
const INITIAL_PER_SOURCE = 6;
/** At most this many arcs of a row (its most negative ones) join the working set in a pass. */
const ADDED_PER_SOURCE = 12;
/** A pass over the rows stops once PASS_TARGET × (number of sources) arcs joined the working set. */
const PASS_TARGET = 2;
/** Above LIMIT_PER_SOURCE × (number of sources) arcs, the working set drops its arcs with a positive reduced
 * cost before a pass, and all of them if that is not enough (many ties at 0). */
const LIMIT_PER_SOURCE = 8;
const MIN_BLOCK = 10;

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new RangeError(`solveTransportation: ${message}`);
}

function validate(problem: TransportationProblem): void {
  const { sources, sinks, arcs, unassignedCost } = problem;
  check(Number.isSafeInteger(unassignedCost), 'unassignedCost must be a finite integer');
  for (const s of sources) check(Number.isSafeInteger(s.supply) && s.supply >= 0, 'bad supply');
  for (const sink of sinks) {
    let previous = Number.NEGATIVE_INFINITY;
    for (const seg of sink.segments) {
      check(Number.isSafeInteger(seg.capacity) && seg.capacity >= 0, 'bad segment capacity');
      check(Number.isSafeInteger(seg.cost), 'bad segment cost');
      check(seg.cost >= previous, 'segment costs must be non-decreasing (convex)');
      previous = seg.cost;
    }
  }
  const nSources = sources.length;
  const nSinks = sinks.length;
  for (const a of arcs) {
    check(Number.isInteger(a.source) && a.source >= 0 && a.source < nSources, 'arc source out of range');
    check(Number.isInteger(a.sink) && a.sink >= 0 && a.sink < nSinks, 'arc sink out of range');
    check(Number.isSafeInteger(a.cost), 'bad arc cost');
  }
}

/** The k-th smallest (0-based) of values[0..n), reordering them (quickselect). */
function kthSmallest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * The flow network and its spanning-tree basis. Arcs: [live source → sink arcs grouped by source |
 * unassigned arc of each source | segment arcs | zero-capacity anchors of sinks without capacity].
 */
type Network = {
  nSources: number;
  /** Source → sink arcs that can carry flow (positive supply, sink with capacity); source i's are rowStart[i]… */
  nLive: number;
  rowStart: Int32Array;
  /** Live arc → its index in problem.arcs. */
  inputIndex: Int32Array;
  tail: Int32Array;
  head: Int32Array;
  cost: Float64Array;
  cap: Float64Array;
  flow: Float64Array;
  state: Int8Array;
  parent: Int32Array;
  pred: Int32Array;
  predDir: Int8Array;
  depth: Int32Array;
  thread: Int32Array;
  revThread: Int32Array;
  pi: Float64Array;
  // Scratch for the tree update.
  stem: Int32Array;
  buf: Int32Array;
  stemPos: Int32Array;
  stemEnd: Int32Array;
};

function buildNetwork(problem: TransportationProblem): Network {
  const { sources, sinks, arcs, unassignedCost } = problem;
  const nSources = sources.length;
  const nSinks = sinks.length;
  const root = nSources + nSinks;
  const nNodes = root + 1;

  // Sinks without capacity and sources without supply carry nothing: their arcs stay out.
  const sinkOpen = new Uint8Array(nSinks);
  let nSegments = 0;
  let nAnchors = 0;
  for (let j = 0; j < nSinks; j++) {
    for (const seg of sinks[j]!.segments) {
      if (seg.capacity > 0) {
        nSegments++;
        sinkOpen[j] = 1;
      }
    }
    if (sinkOpen[j] === 0) nAnchors++;
  }
  const rowStart = new Int32Array(nSources + 1);
  for (const a of arcs) {
    if (sinkOpen[a.sink] === 1 && sources[a.source]!.supply > 0) rowStart[a.source + 1]!++;
  }
  for (let i = 0; i < nSources; i++) rowStart[i + 1] = rowStart[i + 1]! + rowStart[i]!;
  const nLive = rowStart[nSources]!;
  const m = nLive + nSources + nSegments + nAnchors;

  const net: Network = {
    nSources,
    nLive,
    rowStart,
    inputIndex: new Int32Array(nLive),
    tail: new Int32Array(m),
    head: new Int32Array(m),
    cost: new Float64Array(m),
    cap: new Float64Array(m),
    flow: new Float64Array(m),
    state: new Int8Array(m),
    parent: new Int32Array(nNodes),
    pred: new Int32Array(nNodes),
    predDir: new Int8Array(nNodes),
    depth: new Int32Array(nNodes),
    thread: new Int32Array(nNodes),
    revThread: new Int32Array(nNodes),
    pi: new Float64Array(nNodes),
    stem: new Int32Array(nNodes),
    buf: new Int32Array(nNodes),
    stemPos: new Int32Array(nNodes),
    stemEnd: new Int32Array(nNodes),
  };
  const {
    inputIndex,
    tail,
    head,
    cost,
    cap,
    flow,
    state,
    parent,
    pred,
    predDir,
    depth,
    thread,
    revThread,
    pi,
  } = net;

  const fill = rowStart.slice(0, nSources);
  for (let e = 0; e < arcs.length; e++) {
    const a = arcs[e]!;
    if (sinkOpen[a.sink] === 0 || sources[a.source]!.supply === 0) continue;
    const k = fill[a.source]!++;
    inputIndex[k] = e;
    tail[k] = a.source;
    head[k] = nSources + a.sink;
    cost[k] = a.cost;
    cap[k] = Number.POSITIVE_INFINITY;
    state[k] = LOWER;
  }

  // Initial strongly feasible tree: a star around the root, everything unassigned.
  parent[root] = -1;
  pred[root] = -1;
  let e = nLive;
  for (let i = 0; i < nSources; i++, e++) {
    tail[e] = i;
    head[e] = root;
    cost[e] = unassignedCost;
    cap[e] = Number.POSITIVE_INFINITY;
    flow[e] = sources[i]!.supply;
    state[e] = TREE;
    parent[i] = root;
    pred[i] = e;
    predDir[i] = UP;
    depth[i] = 1;
    pi[i] = -unassignedCost;
  }
  for (let j = 0; j < nSinks; j++) {
    const node = nSources + j;
    parent[node] = root;
    predDir[node] = UP;
    depth[node] = 1;
    let anchored = false;
    for (const seg of sinks[j]!.segments) {
      if (seg.capacity === 0) continue;
      tail[e] = node;
      head[e] = root;
      cost[e] = seg.cost;
      cap[e] = seg.capacity;
      state[e] = anchored ? LOWER : TREE;
      if (!anchored) {
        pred[node] = e;
        pi[node] = -seg.cost;
        anchored = true;
      }
      e++;
    }
    if (!anchored) {
      // A sink without capacity: a leaf on a zero-capacity arc that no cycle ever passes through.
      tail[e] = node;
      head[e] = root;
      state[e] = TREE;
      pred[node] = e;
      e++;
    }
  }
  // Preorder of the star: root, 0, 1, …, root - 1 (a cycle, as root = nNodes - 1).
  for (let v = 0; v < nNodes; v++) {
    thread[v] = v + 1 === nNodes ? 0 : v + 1;
    revThread[v] = v === 0 ? nNodes - 1 : v - 1;
  }
  return net;
}

/**
 * One pivot on an entering arc with a negative reduced cost in its feasible direction: pushes the most flow
 * around its cycle and updates the basis. Returns the leaving arc, or -1 when the entering arc itself
 * reached its other bound (no basis change).
 */
function pivot(net: Network, inArc: number): number {
  const { tail, head, cost, cap, flow, state, parent, pred, predDir, depth, thread, revThread, pi } = net;

  // Cycle: along the entering arc from `first` to `second`, then up to the join and down to `first`.
  const inState = state[inArc]!;
  const first = inState === LOWER ? tail[inArc]! : head[inArc]!;
  const second = inState === LOWER ? head[inArc]! : tail[inArc]!;
  let u = first;
  let v = second;
  while (depth[u]! > depth[v]!) u = parent[u]!;
  while (depth[v]! > depth[u]!) v = parent[v]!;
  while (u !== v) {
    u = parent[u]!;
    v = parent[v]!;
  }
  const join = u;

  // Leaving arc: the last blocking arc met from the join (strongly feasible rule): on the `first` side the
  // deepest (strict <), on the `second` side the highest (<=), which wins ties against the first side.
  let delta = cap[inArc]!;
  let uOut = -1;
  let side = 0;
  for (u = first; u !== join; u = parent[u]!) {
    const a = pred[u]!;
    // Flow goes down towards `first`: an upward arc gives back its flow, a downward one its residual.
    const d = predDir[u] === UP ? flow[a]! : cap[a]! - flow[a]!;
    if (d < delta) {
      delta = d;
      uOut = u;
      side = 1;
    }
  }
  for (u = second; u !== join; u = parent[u]!) {
    const a = pred[u]!;
    const d = predDir[u] === UP ? cap[a]! - flow[a]! : flow[a]!;
    if (d <= delta) {
      delta = d;
      uOut = u;
      side = 2;
    }
  }
  check(delta !== Number.POSITIVE_INFINITY, 'unbounded cycle (internal error)');

  if (delta > 0) {
    const val = inState * delta;
    flow[inArc] = flow[inArc]! + val;
    for (u = tail[inArc]!; u !== join; u = parent[u]!) {
      const a = pred[u]!;
      flow[a] = flow[a]! - predDir[u]! * val;
    }
    for (u = head[inArc]!; u !== join; u = parent[u]!) {
      const a = pred[u]!;
      flow[a] = flow[a]! + predDir[u]! * val;
    }
  }
  if (side === 0) {
    state[inArc] = -inState;
    return -1;
  }
  const outArc = pred[uOut]!;
  state[inArc] = TREE;
  state[outArc] = flow[outArc] === 0 ? LOWER : UPPER;

  // Tree update: the subtree of uOut is cut off and re-hung from vIn through the entering arc.
  const { stem, buf, stemPos, stemEnd } = net;
  const uIn = side === 1 ? first : second;
  const vIn = side === 1 ? second : first;
  // Stem: uIn = stem[0], its ancestors…, uOut = stem[k]. They become each other's children in reverse.
  let k = 0;
  stem[0] = uIn;
  for (u = uIn; u !== uOut; ) {
    u = parent[u]!;
    stem[++k] = u;
  }
  const dOut = depth[uOut]!;
  const newPi = tail[inArc] === uIn ? pi[vIn]! - cost[inArc]! : pi[vIn]! + cost[inArc]!;
  const sigma = newPi - pi[uIn]!;
  // The new depth of stem[i] is depth[vIn] + 1 + i, its old one dOut + k - i.
  const shiftBase = depth[vIn]! + 1 - dOut - k;

  // One walk over the old preorder of the subtree: record it in buf, find where each stem node's subtree
  // starts and ends, shift every potential by sigma and every depth by the shift of the innermost stem node
  // whose old subtree holds the node.
  let len = 0;
  let top = k + 1; // innermost open stem index (k + 1: none yet)
  let nextStem = k; // next stem index the walk will meet
  let x = uOut;
  for (;;) {
    const dx = depth[x]!;
    while (top <= k && dx <= dOut + k - top) {
      stemEnd[top] = len - 1;
      top++;
    }
    if (nextStem >= 0 && x === stem[nextStem]) {
      stemPos[nextStem] = len;
      top = nextStem;
      nextStem--;
    }
    buf[len++] = x;
    pi[x] = pi[x]! + sigma;
    depth[x] = dx + shiftBase + 2 * top;
    x = thread[x]!;
    if (depth[x]! <= dOut) break;
  }
  const last = len - 1;
  for (; top <= k; top++) stemEnd[top] = last;

  // Unlink the old segment from the thread.
  const before = revThread[uOut]!;
  thread[before] = x;
  revThread[x] = before;

  // New preorder: [pos_0, end_0], then for i = 1..k: [pos_i, pos_{i-1} - 1] and [end_{i-1} + 1, end_i]
  // (possibly empty). Nodes inside a piece keep their thread links; the pieces are chained, after vIn.
  let tailNode = buf[stemEnd[0]!]!;
  for (let i = 1; i <= k; i++) {
    const headA = buf[stemPos[i]!]!;
    thread[tailNode] = headA;
    revThread[headA] = tailNode;
    tailNode = buf[stemPos[i - 1]! - 1]!;
    const b0 = stemEnd[i - 1]! + 1;
    const b1 = stemEnd[i]!;
    if (b0 <= b1) {
      const headB = buf[b0]!;
      thread[tailNode] = headB;
      revThread[headB] = tailNode;
      tailNode = buf[b1]!;
    }
  }
  const afterIn = thread[vIn]!;
  thread[vIn] = uIn;
  revThread[uIn] = vIn;
  thread[tailNode] = afterIn;
  revThread[afterIn] = tailNode;

  // Reverse the stem: stem[i]'s new parent is stem[i-1], through stem[i-1]'s old tree arc.
  for (let i = k; i >= 1; i--) {
    const s = stem[i]!;
    const c = stem[i - 1]!;
    parent[s] = c;
    pred[s] = pred[c]!;
    predDir[s] = -predDir[c]!;
  }
  parent[uIn] = vIn;
  pred[uIn] = inArc;
  predDir[uIn] = tail[inArc] === uIn ? UP : DOWN;
  return outArc;
}

/**
 * The arcs priced at every pivot, as compact copies. The unassigned and segment arcs sit at the front
 * (position = arc - nLive) and never leave; source → sink arcs come and go.
 */
type WorkingSet = {
  size: number;
  fixed: number;
  limit: number;
  id: Int32Array;
  tail: Int32Array;
  head: Int32Array;
  cost: Float64Array;
  /**
   * The arc's state as a pricing sign. Source → sink arcs are uncapacitated, so never at their upper bound,
   * and one in the tree prices at exactly 0: their sign is always LOWER.
   */
  sign: Int8Array;
  member: Uint8Array;
  /** Where the block search and the row passes resume. */
  nextPosition: number;
  nextRow: number;
};

function createWorkingSet(net: Network): WorkingSet {
  const { nSources, nLive } = net;
  const nFixed = net.tail.length - nLive;
  const capacity = Math.max(1024, nFixed + nSources * INITIAL_PER_SOURCE);
  const ws: WorkingSet = {
    size: 0,
    fixed: nFixed,
    limit: nFixed + LIMIT_PER_SOURCE * nSources,
    id: new Int32Array(capacity),
    tail: new Int32Array(capacity),
    head: new Int32Array(capacity),
    cost: new Float64Array(capacity),
    sign: new Int8Array(capacity),
    member: new Uint8Array(nLive),
    nextPosition: 0,
    nextRow: 0,
  };
  for (let k = nLive; k < nLive + nFixed; k++) addToWorkingSet(ws, net, k);
  return ws;
}

function addToWorkingSet(ws: WorkingSet, net: Network, k: number): void {
  if (ws.size === ws.id.length) {
    const capacity = ws.id.length * 2;
    const grow = <T extends Int32Array | Float64Array | Int8Array>(old: T, bigger: T): T => {
      bigger.set(old);
      return bigger;
    };
    ws.id = grow(ws.id, new Int32Array(capacity));
    ws.tail = grow(ws.tail, new Int32Array(capacity));
    ws.head = grow(ws.head, new Int32Array(capacity));
    ws.cost = grow(ws.cost, new Float64Array(capacity));
    ws.sign = grow(ws.sign, new Int8Array(capacity));
  }
  const q = ws.size++;
  ws.id[q] = k;
  ws.tail[q] = net.tail[k]!;
  ws.head[q] = net.head[k]!;
  ws.cost[q] = net.cost[k]!;
  ws.sign[q] = k < net.nLive ? LOWER : net.state[k]!;
  if (k < net.nLive) ws.member[k] = 1;
}

/** Adds to the working set the `want` arcs with the smallest values among candidates[0..count) (values[q]). */
function addSmallest(
  ws: WorkingSet,
  net: Network,
  candidates: Int32Array,
  values: Float64Array,
  count: number,
  want: number,
  scratch: Float64Array,
): number {
  if (want >= count) {
    for (let q = 0; q < count; q++) addToWorkingSet(ws, net, candidates[q]!);
    return count;
  }
  for (let q = 0; q < count; q++) scratch[q] = values[q]!;
  const threshold = kthSmallest(scratch, count, want - 1);
  let taken = 0;
  for (let q = 0; q < count; q++) {
    if (values[q]! < threshold) {
      addToWorkingSet(ws, net, candidates[q]!);
      taken++;
    }
  }
  for (let q = 0; q < count && taken < want; q++) {
    if (values[q] === threshold) {
      addToWorkingSet(ws, net, candidates[q]!);
      taken++;
    }
  }
  return taken;
}

/** Block search over the working set: the position of the entering arc, or -1 if none prices negative. */
function findEntering(ws: WorkingSet, pi: Float64Array): number {
  const { size, tail, head, cost, sign } = ws;
  const blockSize = Math.max(MIN_BLOCK, Math.ceil(Math.sqrt(size)));
  let best = 0;
  let bestAt = -1;
  let q = ws.nextPosition < size ? ws.nextPosition : 0;
  let count = blockSize;
  for (let scanned = 0; scanned < size; scanned++) {
    const c = sign[q]! * (cost[q]! + pi[tail[q]!]! - pi[head[q]!]!);
    if (c < best) {
      best = c;
      bestAt = q;
    }
    if (++q === size) q = 0;
    if (--count === 0) {
      if (bestAt >= 0) break;
      count = blockSize;
    }
  }
  ws.nextPosition = q;
  return bestAt;
}

/** Drops source → sink arcs whose reduced cost exceeds `above` from the working set. */
function prune(ws: WorkingSet, pi: Float64Array, above: number): void {
  const { id, tail, head, cost, sign, member } = ws;
  let kept = ws.fixed;
  for (let q = ws.fixed; q < ws.size; q++) {
    if (cost[q]! + pi[tail[q]!]! - pi[head[q]!]! > above) {
      member[id[q]!] = 0;
      continue;
    }
    id[kept] = id[q]!;
    tail[kept] = tail[q]!;
    head[kept] = head[q]!;
    cost[kept] = cost[q]!;
    sign[kept] = LOWER;
    kept++;
  }
  ws.size = kept;
}

export function solveTransportation(problem: TransportationProblem): TransportationSolution {
  validate(problem);
  const net = buildNetwork(problem);
  const { nSources, nLive, rowStart, cost, head, pi, state } = net;
  const ws = createWorkingSet(net);

  let maxRow = 1;
  for (let i = 0; i < nSources; i++) maxRow = Math.max(maxRow, rowStart[i + 1]! - rowStart[i]!);
  const candidates = new Int32Array(maxRow);
  const values = new Float64Array(maxRow);
  const scratch = new Float64Array(maxRow);

  // Each source's cheapest arcs start in the working set.
  for (let i = 0; i < nSources; i++) {
    const from = rowStart[i]!;
    const count = rowStart[i + 1]! - from;
    for (let q = 0; q < count; q++) {
      candidates[q] = from + q;
      values[q] = cost[from + q]!;
    }
    addSmallest(ws, net, candidates, values, count, INITIAL_PER_SOURCE, scratch);
  }

  const passTarget = Math.max(1, PASS_TARGET * nSources);
  for (;;) {
    const at = findEntering(ws, pi);
    if (at >= 0) {
      const inArc = ws.id[at]!;
      const outArc = pivot(net, inArc);
      if (inArc >= nLive) ws.sign[inArc - nLive] = state[inArc]!;
      if (outArc >= nLive) ws.sign[outArc - nLive] = state[outArc]!;
      continue;
    }
    // The working set prices non-negative everywhere.
    if (ws.size > ws.limit) {
      prune(ws, pi, 0);
      if (ws.size > ws.limit) prune(ws, pi, -1);
    }
    let added = 0;
    for (let rows = 0; rows < nSources && added < passTarget; rows++) {
      const i = ws.nextRow;
      ws.nextRow = i + 1 === nSources ? 0 : i + 1;
      const p = pi[i]!;
      const to = rowStart[i + 1]!;
      let count = 0;
      for (let k = rowStart[i]!; k < to; k++) {
        const c = cost[k]! + p - pi[head[k]!]!;
        if (c < 0 && ws.member[k] === 0) {
          candidates[count] = k;
          values[count] = c;
          count++;
        }
      }
      if (count > 0) added += addSmallest(ws, net, candidates, values, count, ADDED_PER_SOURCE, scratch);
    }
    // A whole cycle of rows without a negative reduced cost, and none in the working set: optimal.
    if (added === 0) break;
  }

  return extract(problem, net);
}

function extract(problem: TransportationProblem, net: Network): TransportationSolution {
  const { sinks, unassignedCost } = problem;
  const { nSources, nLive, inputIndex, flow, cost, head } = net;
  const flows = new Array<number>(problem.arcs.length).fill(0);
  let totalCost = 0;
  const load = new Float64Array(sinks.length);
  for (let k = 0; k < nLive; k++) {
    const f = flow[k]!;
    if (f === 0) continue;
    flows[inputIndex[k]!] = f;
    totalCost += f * cost[k]!;
    const j = head[k]! - nSources;
    load[j] = load[j]! + f;
  }
  const unassigned = new Array<number>(nSources);
  for (let i = 0; i < nSources; i++) {
    const f = flow[nLive + i]!;
    unassigned[i] = f;
    totalCost += f * unassignedCost;
  }
  // Segments filled in order (convexity: an optimal flow may use equal-cost segments in any order).
  for (let j = 0; j < sinks.length; j++) {
    let rest = load[j]!;
    for (const seg of sinks[j]!.segments) {
      if (rest <= 0) break;
      const used = Math.min(rest, seg.capacity);
      totalCost += used * seg.cost;
      rest -= used;
    }
  }
  return { flows, unassigned, totalCost };
}
