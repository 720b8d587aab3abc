import crypto from 'node:crypto';

/*
 * RFC 6962 (§2.1) Merkle trees, pure: hashing, appending leaves to a compact frontier, and the
 * inclusion (PATH) and consistency (PROOF/SUBPROOF) algorithms over stored complete subtrees.
 * The tree of n leaves splits at the largest power of two below n, so every left subtree is
 * complete; a complete subtree is addressed as (level, idx): leaves [idx·2^level, (idx+1)·2^level).
 */

/** A complete subtree of the tree. */
export type NodeKey = { level: number; idx: number };
export type StoredNode = NodeKey & { hash: Buffer };

const sha256 = (...parts: Buffer[]) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();

/** Leaf hash: SHA-256(0x00 || entry). */
export const hashLeaf = (entry: string | Buffer): Buffer =>
  sha256(Buffer.from([0]), typeof entry === 'string' ? Buffer.from(entry, 'utf8') : entry);

/** Interior node hash: SHA-256(0x01 || left || right). */
const hashChildren = (left: Buffer, right: Buffer): Buffer => sha256(Buffer.from([1]), left, right);

/** MTH({}) = SHA-256 of the empty string. */
const EMPTY_ROOT = sha256();

/** The largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0 && Number.isSafeInteger(n);

/** The complete subtrees that make up a tree of `size` leaves, largest (leftmost) first. */
export function frontierKeys(size: number): NodeKey[] {
  const keys: NodeKey[] = [];
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (Math.floor(size / width) % 2 === 1) keys.push({ level, idx: Math.floor(size / width) - 1 });
  }
  return keys;
}

/** The root of a tree from its frontier (largest subtree first). */
function rootOfFrontier(frontier: Buffer[]): Buffer {
  if (frontier.length === 0) return EMPTY_ROOT;
  let root = frontier[frontier.length - 1]!;
  for (let i = frontier.length - 2; i >= 0; i--) root = hashChildren(frontier[i]!, root);
  return root;
}

/**
 * A tree being extended leaf by leaf, holding only its frontier. `onNode` receives every
 * complete subtree as it completes (the sequencer stores them; the verifier ignores them).
 */
export class GrowingTree {
  private stack: StoredNode[];

  constructor(
    public size = 0,
    frontier: Buffer[] = [],
    private readonly onNode: (node: StoredNode) => void = () => undefined,
  ) {
    const keys = frontierKeys(size);
    if (keys.length !== frontier.length) throw new Error(`a tree of ${size} leaves has ${keys.length} frontier nodes`);
    this.stack = keys.map((k, i) => ({ ...k, hash: frontier[i]! }));
  }

  append(leafHash: Buffer): void {
    let node: StoredNode = { level: 0, idx: this.size, hash: leafHash };
    this.onNode(node);
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, idx: left.idx / 2, hash: hashChildren(left.hash, node.hash) };
      this.onNode(node);
    }
    this.stack.push(node);
    this.size++;
  }

  root(): Buffer {
    return rootOfFrontier(this.stack.map((n) => n.hash));
  }
}

type NodeReader = (key: NodeKey) => Buffer;

/** MTH(D[start:end]) for a range that the RFC's recursion produces (aligned on its split). */
function rangeHash(start: number, end: number, node: NodeReader): Buffer {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) return node({ level: Math.log2(n), idx: start / n });
  const k = splitPoint(n);
  return hashChildren(rangeHash(start, start + k, node), rangeHash(start + k, end, node));
}

/** PATH(m, D[start:end]) of RFC 6962 §2.1.1, m relative to start. */
function inclusionPath(m: number, start: number, end: number, node: NodeReader): Buffer[] {
  const n = end - start;
  if (n === 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...inclusionPath(m, start, start + k, node), rangeHash(start + k, end, node)]
    : [...inclusionPath(m - k, start + k, end, node), rangeHash(start, start + k, node)];
}

/** SUBPROOF(m, D[start:end], b) of RFC 6962 §2.1.2. */
function subproof(m: number, start: number, end: number, whole: boolean, node: NodeReader): Buffer[] {
  const n = end - start;
  if (m === n) return whole ? [] : [rangeHash(start, end, node)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, start, start + k, whole, node), rangeHash(start + k, end, node)]
    : [...subproof(m - k, start + k, end, false, node), rangeHash(start, start + k, node)];
}

/**
 * Runs a computation over stored nodes twice: first to learn which nodes it reads, then,
 * once `fetch` has loaded them, for real. Keeps the algorithms above free of I/O.
 */
async function withNodes<T>(
  compute: (node: NodeReader) => T,
  fetch: (keys: NodeKey[]) => Promise<StoredNode[]>,
): Promise<T> {
  const wanted = new Map<string, NodeKey>();
  compute((key) => {
    wanted.set(`${key.level}:${key.idx}`, key);
    return EMPTY_ROOT;
  });
  const found = new Map((await fetch([...wanted.values()])).map((n) => [`${n.level}:${n.idx}`, n.hash]));
  return compute((key) => {
    const hash = found.get(`${key.level}:${key.idx}`);
    if (!hash) throw new Error(`audit tree node ${key.level}/${key.idx} is missing`);
    return hash;
  });
}

type Fetch = (keys: NodeKey[]) => Promise<StoredNode[]>;

/** The inclusion proof of leaf `index` in the tree of `size` leaves. */
export const proveInclusion = (index: number, size: number, fetch: Fetch) =>
  withNodes((node) => inclusionPath(index, 0, size, node), fetch);

/** The consistency proof between the trees of `first` and `second` leaves (0 < first ≤ second). */
export const proveConsistency = (first: number, second: number, fetch: Fetch) =>
  withNodes((node) => subproof(first, 0, second, true, node), fetch);

/** The root of the first `size` leaves, from stored nodes. */
export const rootAt = (size: number, fetch: Fetch) =>
  size === 0 ? Promise.resolve(EMPTY_ROOT) : withNodes((node) => rangeHash(0, size, node), fetch);
