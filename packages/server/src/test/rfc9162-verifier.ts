import { createHash } from 'node:crypto';

/*
 * A small verifier written from RFC 9162 §2.1.3.2 and §2.1.4.2 alone, step by step, sharing no
 * code with the log that produces the proofs (modules/audit/merkle.ts). Hashes are hex strings.
 */

const HASH = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const node = (left: Buffer, right: Buffer) => HASH(Buffer.from([0x01]), left, right);

/** The leaf hash of §2.1.1: HASH(0x00 || entry). */
export const rfcLeafHash = (entry: string) => HASH(Buffer.from([0x00]), Buffer.from(entry, 'utf8')).toString('hex');

/** §2.1.3.2: verifying an inclusion proof. */
export function verifyInclusion(input: {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  inclusionPath: string[];
  rootHash: string;
}): boolean {
  // 1. Compare leaf_index from the inclusion proof's input against tree_size.
  if (input.leafIndex >= input.treeSize) return false;
  // 2. Set fn to leaf_index and sn to tree_size - 1.
  let fn = BigInt(input.leafIndex);
  let sn = BigInt(input.treeSize - 1);
  // 3. Set r to hash.
  let r = Buffer.from(input.leafHash, 'hex');
  // 4. For each value p in the inclusion_path array:
  for (const hex of input.inclusionPath) {
    const p = Buffer.from(hex, 'hex');
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0n) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if ((fn & 1n) === 1n || fn === sn) {
      // 1. Set r to HASH(0x01 || p || r).
      r = node(p, r);
      // 2. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      // Otherwise: set r to HASH(0x01 || r || p).
      r = node(r, p);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5. Compare sn to 0. Compare r against the root_hash.
  return sn === 0n && r.toString('hex') === input.rootHash;
}

/**
 * An inclusion proof as the log answers it (entry bytes, leaf hash, index, path, root): the leaf
 * hash is the entry's (§2.1.1) and the path leads from it to the root (§2.1.3.2).
 */
export function inclusionProofHolds(proof: {
  entry: string;
  leafHash: string;
  leafIndex: number;
  treeSize: number;
  auditPath: string[];
  rootHash: string;
}): boolean {
  return (
    rfcLeafHash(proof.entry) === proof.leafHash &&
    verifyInclusion({
      leafIndex: proof.leafIndex,
      treeSize: proof.treeSize,
      leafHash: proof.leafHash,
      inclusionPath: proof.auditPath,
      rootHash: proof.rootHash,
    })
  );
}

/** §2.1.4.2: verifying consistency between two tree heads. */
export function verifyConsistency(input: {
  first: number;
  second: number;
  firstHash: string;
  secondHash: string;
  consistencyPath: string[];
}): boolean {
  if (input.first === input.second) {
    // A tree is consistent with itself: the path is empty and the roots are equal (§2.1.4.1).
    return input.consistencyPath.length === 0 && input.firstHash === input.secondHash;
  }
  if (input.first < 1 || input.first > input.second) return false;
  const path = input.consistencyPath.map((h) => Buffer.from(h, 'hex'));
  // 1. If consistency_path is an empty array, stop and fail the proof verification.
  if (path.length === 0) return false;
  // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
  if ((input.first & (input.first - 1)) === 0) path.unshift(Buffer.from(input.firstHash, 'hex'));
  // 3. Set fn to first - 1 and sn to second - 1.
  let fn = BigInt(input.first - 1);
  let sn = BigInt(input.second - 1);
  // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5. Set both fr and sr to the first value in the consistency_path array.
  let fr = path[0]!;
  let sr = path[0]!;
  // 6. For each subsequent value c in the consistency_path array:
  for (const c of path.slice(1)) {
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0n) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if ((fn & 1n) === 1n || fn === sn) {
      // 1. Set fr to HASH(0x01 || c || fr). Set sr to HASH(0x01 || c || sr).
      fr = node(c, fr);
      sr = node(c, sr);
      // 2. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      // Otherwise: set sr to HASH(0x01 || sr || c).
      sr = node(sr, c);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn >>= 1n;
    sn >>= 1n;
  }
  // 7. After completing iterating through the consistency_path array: verify fr, sr and sn.
  return fr.toString('hex') === input.firstHash && sr.toString('hex') === input.secondHash && sn === 0n;
}

/** MTH of §2.1.1 computed naively from all leaves: the reference the trees are compared with. */
export function referenceRoot(leafHashes: string[]): string {
  const mth = (leaves: Buffer[]): Buffer => {
    if (leaves.length === 0) return HASH();
    if (leaves.length === 1) return leaves[0]!;
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
  };
  return mth(leafHashes.map((h) => Buffer.from(h, 'hex'))).toString('hex');
}
