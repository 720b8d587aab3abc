import { describe, expect, it } from 'vitest';
import { referenceRoot, rfcLeafHash, verifyConsistency, verifyInclusion } from '../../test/rfc9162-verifier.ts';
import {
  GrowingTree,
  hashLeaf,
  proveConsistency,
  proveInclusion,
  rootAt,
  type NodeKey,
  type StoredNode,
} from './merkle.ts';

/** A tree of `n` leaves grown leaf by leaf, its complete subtrees kept in memory as the database keeps them. */
function buildTree(n: number) {
  const stored = new Map<string, Buffer>();
  const tree = new GrowingTree(0, [], (node) => stored.set(`${node.level}:${node.idx}`, node.hash));
  const entries = Array.from({ length: n }, (_, i) => `entry ${i}`);
  for (const entry of entries) tree.append(hashLeaf(entry));
  const fetch = async (keys: NodeKey[]): Promise<StoredNode[]> =>
    keys.flatMap((k) => {
      const hash = stored.get(`${k.level}:${k.idx}`);
      return hash ? [{ ...k, hash }] : [];
    });
  return { tree, entries, fetch, leafHashes: entries.map(rfcLeafHash) };
}

const hex = (b: Buffer) => b.toString('hex');

describe('RFC 6962 Merkle trees, checked by an independent RFC 9162 verifier', () => {
  it('hashes leaves as SHA-256(0x00 || entry) and grows to the reference root at every size', async () => {
    expect(hex(hashLeaf('abc'))).toBe(rfcLeafHash('abc'));
    for (let n = 0; n <= 40; n++) {
      const { tree, fetch, leafHashes } = buildTree(n);
      expect(hex(tree.root())).toBe(referenceRoot(leafHashes));
      expect(hex(await rootAt(n, fetch))).toBe(referenceRoot(leafHashes));
    }
  });

  it('proves inclusion of every leaf in trees of 1 to 33 leaves', async () => {
    for (let n = 1; n <= 33; n++) {
      const { fetch, leafHashes } = buildTree(n);
      const rootHash = referenceRoot(leafHashes);
      for (let m = 0; m < n; m++) {
        const path = (await proveInclusion(m, n, fetch)).map(hex);
        expect(
          verifyInclusion({ leafIndex: m, treeSize: n, leafHash: leafHashes[m]!, inclusionPath: path, rootHash }),
        ).toBe(true);
        // The same path does not prove a different leaf.
        const other = rfcLeafHash(`not entry ${m}`);
        expect(verifyInclusion({ leafIndex: m, treeSize: n, leafHash: other, inclusionPath: path, rootHash })).toBe(
          false,
        );
      }
    }
  });

  it('proves consistency between every pair of sizes up to 33, and a rewritten prefix fails', async () => {
    const { fetch, leafHashes } = buildTree(33);
    for (let second = 1; second <= 33; second++) {
      for (let first = 1; first < second; first++) {
        const path = (await proveConsistency(first, second, fetch)).map(hex);
        const firstHash = referenceRoot(leafHashes.slice(0, first));
        const secondHash = referenceRoot(leafHashes.slice(0, second));
        expect(verifyConsistency({ first, second, firstHash, secondHash, consistencyPath: path })).toBe(true);
        const forged = referenceRoot([rfcLeafHash('forged'), ...leafHashes.slice(1, first)]);
        expect(verifyConsistency({ first, second, firstHash: forged, secondHash, consistencyPath: path })).toBe(false);
      }
    }
  });

  it('resumes a tree from its stored frontier exactly as if it had never stopped', () => {
    const whole = buildTree(77);
    const stored = new Map<string, Buffer>();
    const first = new GrowingTree(0, [], (node) => stored.set(`${node.level}:${node.idx}`, node.hash));
    for (const entry of whole.entries.slice(0, 45)) first.append(hashLeaf(entry));
    // 45 = 32 + 8 + 4 + 1: the frontier is the nodes (5,0), (3,4), (2,10), (0,44).
    const frontier = [stored.get('5:0')!, stored.get('3:4')!, stored.get('2:10')!, stored.get('0:44')!];
    const resumed = new GrowingTree(45, frontier);
    for (const entry of whole.entries.slice(45)) resumed.append(hashLeaf(entry));
    expect(hex(resumed.root())).toBe(hex(whole.tree.root()));
  });
});
