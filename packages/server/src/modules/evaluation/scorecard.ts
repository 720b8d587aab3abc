import { groupStats, type CityGroup, type Publication, type RegionScore, type Scorecard } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RoundRegionRow } from './compute.ts';
import type { PublicationRow } from './publication-repository.ts';
import { scorecardRepository } from './scorecard-repository.ts';
import { attachmentLookup } from '../attachments/index.ts';

type Db = Kysely<Database>;

export const regionView = (r: RoundRegionRow) => ({
  code: r.code,
  name: r.name,
  path: r.path,
  cityGroup: r.city_group as CityGroup,
});

export const presentPublication = (row: PublicationRow): Publication => ({
  version: row.version,
  publishedAt: new Date(row.published_at).toISOString(),
  decidedOn: row.decided_on,
  reason: row.reason,
  publishedBy: row.published_by_name,
});

type AttachmentRef = { id: string; fileName: string; contentType: string; sizeBytes: number };

/** Runs a lookup over ids in chunks: a whole round's losses can name more ids than one statement may bind. */
async function inChunks<T>(ids: string[], lookup: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await lookup(ids.slice(i, i + 5000))));
  return out;
}

/** Names the files and material behind each loss (a couple of queries however many losses). */
export async function withFiles(db: Db, losses: RegionScore['losses']) {
  const evidenceIds = [...new Set(losses.flatMap((l) => l.evidenceIds))];
  const evidence = await inChunks(evidenceIds, (chunk) => scorecardRepository.evidenceNotes(db, chunk));
  const ownerIds = [...new Set(losses.flatMap((l) => (l.findingId ? [l.findingId] : [])).concat(evidenceIds))];
  // in upload order, through the attachments module (its table is its own)
  const files = await attachmentLookup.listFilesOf(db, ['evaluation_finding', 'evaluation_evidence'], ownerIds);
  const byOwner = new Map<string, typeof files>();
  for (const f of files) byOwner.set(f.owner_id, [...(byOwner.get(f.owner_id) ?? []), f]);
  const notes = new Map(evidence.map((e) => [e.id, e.note]));
  const ref = (f: (typeof files)[number]): AttachmentRef => ({
    id: f.id,
    fileName: f.file_name,
    contentType: f.content_type,
    sizeBytes: f.size_bytes,
  });
  return losses.map((l) => ({
    ...l,
    attachments: (l.findingId ? (byOwner.get(l.findingId) ?? []) : [])
      .filter((f) => l.attachmentIds.includes(f.id))
      .map(ref),
    evidence: l.evidenceIds.map((id) => ({
      id,
      note: notes.get(id) ?? '',
      attachments: (byOwner.get(id) ?? []).map(ref),
    })),
  }));
}

/** A region's scorecard from its computed score and its place among the round's regions. */
export function scorecardOf(args: {
  roundId: string;
  isModel: boolean;
  region: RoundRegionRow;
  score: RegionScore;
  rank: number | null;
  groupTotals: number[];
  previous: Scorecard['previous'];
  losses: Scorecard['losses'];
  publication: Publication | null;
}): Scorecard {
  const { score } = args;
  return {
    roundId: args.roundId,
    region: regionView(args.region),
    published: args.publication !== null,
    isModelFramework: args.isModel,
    mainScore: score.mainScore,
    minorsScore: score.minorsScore,
    minorsGatePassed: score.minorsGatePassed,
    deductions: score.deductions,
    total: score.total,
    rate: score.rate,
    rank: args.rank,
    groupSize: args.groupTotals.length,
    methods: score.methods,
    projects: score.projects,
    losses: args.losses,
    previous: args.previous,
    group: groupStats(args.groupTotals),
    unscored: score.unscored,
    pending: score.pending,
    publication: args.publication,
  };
}
