import fs from 'node:fs/promises';
import path from 'node:path';
import { ChildOutlines, pointInGeometry, type PolygonGeometry } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';

/** Outlines of a region's children, one file per region (see data/geo/README.md). */
const GEO_DIR = path.join(REPO_ROOT, 'data', 'geo');

// The files are part of the release and never change while the server runs.
const cache = new Map<string, Promise<ChildOutlines | null>>();

/** The outlines of a region's children, or null when data/geo has no file for the region. */
export function readOutlines(regionCode: string): Promise<ChildOutlines | null> {
  let pending = cache.get(regionCode);
  if (!pending) {
    pending = fs
      .readFile(path.join(GEO_DIR, `${regionCode}.json`), 'utf8')
      .then((text) => ChildOutlines.parse(JSON.parse(text)))
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        cache.delete(regionCode);
        throw error;
      });
    cache.set(regionCode, pending);
  }
  return pending;
}

/**
 * The codes of the regions under `rootCode` that contain a point, top down, as deep as the
 * outlines go (prefecture, then county where data/geo has the prefecture's file). Empty when the
 * point is outside every outline of the root or the root has no outlines. Coarse outlines: a
 * point near a border may land in the neighbour, so callers let the person correct it.
 */
export async function codesAtPoint(rootCode: string, lng: number, lat: number): Promise<string[]> {
  const codes: string[] = [];
  let parent = rootCode;
  for (;;) {
    const outlines = await readOutlines(parent);
    const hit = outlines?.features.find((f) => pointInGeometry(lng, lat, f.geometry as PolygonGeometry));
    if (!hit) return codes;
    codes.push(hit.properties.code);
    parent = hit.properties.code;
  }
}
