/**
 * Region paths are the ancestor codes joined by '/', from the root down to the region
 * itself (e.g. `23/2301/230102`). A subtree test is then a prefix test that does not
 * depend on how a given code list numbers its children.
 */
export const PATH_SEPARATOR = '/';

/** Builds a region's path from its parent's path. */
export function childPath(parentPath: string | null, code: string): string {
  return parentPath ? `${parentPath}${PATH_SEPARATOR}${code}` : code;
}

/** True when `regionPath` is the scope region itself or lies below it. */
export function isWithinScope(scopePath: string, regionPath: string): boolean {
  return regionPath === scopePath || regionPath.startsWith(scopePath + PATH_SEPARATOR);
}

/** The codes of a region's ancestors, root first, excluding the region itself. */
export function ancestorCodes(path: string): string[] {
  return path.split(PATH_SEPARATOR).slice(0, -1);
}
