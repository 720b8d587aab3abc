import type { FrameworkDocument, FrameworkProject, FrameworkStandard } from '@chuangcheng/core';

/**
 * Pure helpers over a framework document's tree (测评项目 → 测评内容 → 测评标准): keys for the
 * tree view, finding and replacing one node (an edit saves the whole document as a new version),
 * the points of a branch, and a node's history across the stored versions.
 */

type Content = FrameworkProject['contents'][number];
type NodeKind = 'project' | 'content' | 'standard';
export interface NodeRef {
  kind: NodeKind;
  code: string;
}

export function nodeKey(ref: NodeRef): string {
  return `${ref.kind}:${ref.code}`;
}

export function parseNodeKey(key: string): NodeRef | null {
  const match = /^(project|content|standard):(.+)$/.exec(key);
  if (!match) return null;
  return { kind: match[1] as NodeKind, code: match[2] ?? '' };
}

export interface FoundNode {
  ref: NodeRef;
  project: FrameworkProject;
  content: Content | null;
  standard: FrameworkStandard | null;
}

/** The node a reference names, with its ancestors; null when this version has no such node. */
export function findNode(document: FrameworkDocument, ref: NodeRef): FoundNode | null {
  for (const project of document.projects) {
    if (ref.kind === 'project' && project.code === ref.code) return { ref, project, content: null, standard: null };
    for (const content of project.contents) {
      if (ref.kind === 'content' && content.code === ref.code) return { ref, project, content, standard: null };
      for (const standard of content.standards) {
        if (ref.kind === 'standard' && standard.code === ref.code) return { ref, project, content, standard };
      }
    }
  }
  return null;
}

/** Points of a branch: the sum of its standards' points (projects and contents carry none of their own). */
export function branchPoints(node: FrameworkProject | Content | FrameworkStandard): number {
  if ('points' in node) return node.points;
  if ('contents' in node) return node.contents.reduce((sum, content) => sum + branchPoints(content), 0);
  return node.standards.reduce((sum, standard) => sum + standard.points, 0);
}

export type NodePatch =
  | { kind: 'project'; name: string; part: FrameworkProject['part'] }
  | { kind: 'content'; name: string }
  | { kind: 'standard'; standard: FrameworkStandard };

/** A copy of the document with one node changed; the code of a node never changes in an edit. */
export function replaceNode(document: FrameworkDocument, code: string, patch: NodePatch): FrameworkDocument {
  return {
    ...document,
    projects: document.projects.map((project) => {
      if (patch.kind === 'project') {
        return project.code === code ? { ...project, name: patch.name, part: patch.part } : project;
      }
      return {
        ...project,
        contents: project.contents.map((content) => {
          if (patch.kind === 'content') return content.code === code ? { ...content, name: patch.name } : content;
          return {
            ...content,
            standards: content.standards.map((standard) =>
              standard.code === code ? { ...patch.standard, code } : standard,
            ),
          };
        }),
      };
    }),
  };
}

/** What a node is, leaving out its children: a change below it is not a change of it. */
function ownFields(found: FoundNode): unknown {
  if (found.standard) return found.standard;
  if (found.content) return { name: found.content.name };
  return { name: found.project.name, part: found.project.part };
}

function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, inner: unknown) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
        : inner,
    );
  return canonical(a) === canonical(b);
}

export interface VersionedDocument {
  version: number;
  note: string;
  createdBy: string;
  createdAt: string;
  document: FrameworkDocument;
}

export interface NodeHistoryEntry {
  version: number;
  change: 'added' | 'changed' | 'removed';
  note: string;
  createdBy: string;
  createdAt: string;
  before: FoundNode | null;
  after: FoundNode | null;
}

/** The versions in which a node was added, changed or removed, oldest first. */
export function nodeHistory(versions: readonly VersionedDocument[], ref: NodeRef): NodeHistoryEntry[] {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const entries: NodeHistoryEntry[] = [];
  let previous: FoundNode | null = null;
  for (const version of ordered) {
    const current = findNode(version.document, ref);
    let change: NodeHistoryEntry['change'] | null = null;
    if (current && !previous) change = 'added';
    else if (!current && previous) change = 'removed';
    else if (current && previous && !sameJson(ownFields(current), ownFields(previous))) change = 'changed';
    if (change) {
      entries.push({
        version: version.version,
        change,
        note: version.note,
        createdBy: version.createdBy,
        createdAt: version.createdAt,
        before: previous,
        after: current,
      });
    }
    previous = current;
  }
  return entries;
}
