import {
  CityGroup,
  deductionsForTest,
  incidentEffects,
  rankWithinGroups,
  regionScorer,
  scoreRegion,
  titleStatesAt,
  type DeductionInput,
  type FrameworkDocument,
  type RegionScore,
  type StandardEntries,
} from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { frameworkRepository } from './framework-repository.ts';
import { incidentRepository, type IncidentRow } from './incident-repository.ts';
import { roundRepository, type RoundRow } from './round-repository.ts';
import { attachmentLookup } from '../attachments/index.ts';
import { scoreRepository } from './score-repository.ts';
import { eventsByRegion } from './titles-repository.ts';

type Db = Kysely<Database>;

export type RoundRegionRow = Awaited<ReturnType<typeof roundRepository.regions>>[number];
/** `rank` is null while nothing has been entered for the region. */
type ComputedRegion = { region: RoundRegionRow; score: RegionScore; rank: number | null };
export type ComputedRound = { doc: FrameworkDocument; regions: ComputedRegion[] };

/** A national round is read in this many parts at once (PostgreSQL answers them on several connections). */
const READ_PARTS = 4;

/** The region codes in `parts` lists of about equal length, in order. */
function partsOf(codes: string[], parts: number): string[][] {
  const size = Math.max(1, Math.ceil(codes.length / parts));
  const out: string[][] = [];
  for (let i = 0; i < codes.length; i += size) out.push(codes.slice(i, i + size));
  return out;
}

/**
 * The raw entries of a round (or one region of it) gathered into per-standard inputs: results,
 * active findings with their photos, and the city's material. A handful of queries for the
 * whole round, never one per standard: results and findings come as one row of JSON tuples per
 * region, read in a few parts of the round's regions at once.
 */
async function gatherEntries(db: Db, roundId: string, regionCodes: string[]) {
  const parts = partsOf(regionCodes, regionCodes.length > 200 ? READ_PARTS : 1);
  // the photos of the active findings, through the attachments module (its table is its own), are
  // looked up as soon as the findings are in, while the results are still being read
  const findingsRead = Promise.all(parts.map((codes) => scoreRepository.findingsPacked(db, roundId, codes))).then(
    async (findingParts) => {
      const ids: string[] = [];
      for (const part of findingParts) for (const f of part) if (f.rows) for (const t of f.rows) ids.push(t[0]);
      return { findingParts, findingFiles: await attachmentLookup.listFilesOf(db, ['evaluation_finding'], ids) };
    },
  );
  const [resultParts, { findingParts, findingFiles }, evidence] = await Promise.all([
    Promise.all(parts.map((codes) => scoreRepository.resultsText(db, roundId, codes))),
    findingsRead,
    scoreRepository.evidenceIds(db, roundId, regionCodes.length === 1 ? regionCodes[0] : undefined),
  ]);
  // each part names its scorers once; rows point into that list
  const scorersOf = (list: string | null | undefined) => (list ? list.split(',') : []);
  const resultScorers = resultParts.map((rows) => scorersOf(rows.find((r) => r.region_code === null)?.rows));
  const findingScorers = findingParts.map((rows) => scorersOf(rows.find((r) => r.region_code === null)?.scorers));
  const names = await scoreRepository.userNames(db, [...new Set([...resultScorers.flat(), ...findingScorers.flat()])]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const files = new Map<string, string[]>();
  for (const f of findingFiles) {
    const list = files.get(f.owner_id);
    if (list) list.push(f.id);
    else files.set(f.owner_id, [f.id]);
  }
  const byRegion = new Map<string, Map<string, StandardEntries>>();
  const regionSlots = (region: string) => {
    let m = byRegion.get(region);
    if (!m) byRegion.set(region, (m = new Map()));
    return m;
  };
  // A national round has about 906,000 standards with entries and few findings or material on most:
  // their lists start as one shared empty list (frozen) and get their own on the first push. The
  // region's map is keyed by one string per standard code for the whole round, not by the code as
  // cut from each region's text, which would keep 906,000 copies of 302 codes alive (decision 0203).
  const codes = new Map<string, string>();
  const slot = (m: Map<string, StandardEntries>, standard: string): StandardEntries => {
    let e = m.get(standard);
    if (!e) {
      let code = codes.get(standard);
      if (code === undefined) codes.set(standard, (code = standard));
      m.set(code, (e = { result: null, findings: NONE, evidenceIds: NONE }));
    }
    return e;
  };
  resultParts.forEach((part, i) => {
    const scorers = resultScorers[i]!.map(nameOf);
    for (const { region_code, rows, notes } of part) {
      if (region_code !== null) readResults(regionSlots(region_code), rows, notes, scorers, slot);
    }
  });
  findingParts.forEach((part, i) => {
    const scorers = findingScorers[i]!.map(nameOf);
    for (const { region_code, rows } of part) {
      if (region_code === null || !rows) continue;
      const m = regionSlots(region_code);
      for (const [id, standard, deduction, description, evidenceId, scorer] of rows) {
        const e = slot(m, standard);
        if (e.findings === NONE) e.findings = [];
        e.findings.push({
          id,
          deduction: Number(deduction),
          description,
          scorer: scorers[scorer]!,
          evidenceId,
          attachmentIds: files.get(id) ?? NONE,
        });
      }
    }
  });
  const wanted = new Set(regionCodes);
  for (const ev of evidence) {
    if (!wanted.has(ev.region_code)) continue;
    const e = slot(regionSlots(ev.region_code), ev.standard_code);
    if (e.evidenceIds === NONE) e.evidenceIds = [];
    e.evidenceIds.push(ev.id);
  }
  return byRegion;
}

/** The shared empty list of a standard without findings, material or photos (never written to). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * One region's results from `ResultsText` (decision 0190): records split by `;`, fields by `,`,
 * read in place with `indexOf` rather than split into arrays (a national round has 906,000 of them).
 */
function readResults(
  m: Map<string, StandardEntries>,
  rows: string,
  notes: [string, string][] | null,
  scorers: string[],
  slot: (m: Map<string, StandardEntries>, standard: string) => StandardEntries,
) {
  let at = 0;
  const next = () => {
    const comma = rows.indexOf(',', at);
    const from = at;
    at = comma + 1;
    return from === comma ? null : Number(rows.slice(from, comma));
  };
  while (at < rows.length) {
    const comma = rows.indexOf(',', at);
    const standard = rows.slice(at, comma);
    at = comma + 1;
    const checked = next();
    const passed = next();
    const satisfaction = next();
    const value = next();
    const flags = next()!;
    let end = rows.indexOf(';', at);
    if (end < 0) end = rows.length;
    const scorer = scorers[Number(rows.slice(at, end))]!;
    at = end + 1;
    slot(m, standard).result = {
      checked,
      passed,
      satisfaction,
      value,
      reviewed: (flags & 1) === 1,
      notApplicable: (flags & 2) === 2,
      note: '',
      scorer,
    };
  }
  for (const [standard, note] of notes ?? []) m.get(standard)!.result!.note = note;
}

/** The photos of a region's findings in a round, by finding, in upload order of the query. */
export async function findingPhotos(db: Db, roundId: string, regionCode: string): Promise<Map<string, string[]>> {
  const findings = await scoreRepository.findingsForCompute(db, roundId, regionCode);
  const rows = await attachmentLookup.listFilesOf(
    db,
    ['evaluation_finding'],
    findings.map((f) => f.id),
  );
  const files = new Map<string, string[]>();
  for (const f of rows) files.set(f.owner_id, [...(files.get(f.owner_id) ?? []), f.id]);
  return files;
}

/**
 * Negative-list deductions on a year-end round: incidents in the round's regions, recorded
 * under the round's framework edition, whose effect window covers the test date, judged by
 * each region's titles on the day of the incident under the negative list of the version the
 * round pinned (a later edit of the framework never moves a round). `knownBy` leaves out
 * incidents recorded later (a round published before publications were frozen is recomputed
 * with what was known when it was published).
 */
async function gatherDeductions(
  db: Db,
  round: RoundRow,
  framework: FrameworkDocument,
  regionCodes: string[],
  knownBy?: Date,
) {
  const out = new Map<string, DeductionInput[]>();
  if (round.kind !== 'year_end') return out;
  let incidents: IncidentRow[] = (await incidentRepository.forRegions(db, regionCodes, round.test_date)).filter(
    (i) => i.framework_id === round.framework_id,
  );
  if (knownBy) incidents = incidents.filter((i) => new Date(i.recorded_at).getTime() <= knownBy.getTime());
  if (incidents.length === 0) return out;
  const events = await eventsByRegion(db, [...new Set(incidents.map((i) => i.region_code))]);
  for (const i of incidents) {
    const entry = framework.negativeList.find((e) => e.code === i.category);
    if (!entry) continue;
    const effects = incidentEffects(
      entry,
      i.occurred_on,
      titleStatesAt(events.get(i.region_code) ?? [], i.occurred_on),
    );
    const found = deductionsForTest([{ id: i.id, category: i.category, effects }], round.test_date);
    if (found.length > 0) out.set(i.region_code, [...(out.get(i.region_code) ?? []), ...found]);
  }
  return out;
}

/** The framework version a round pinned when it was planned. */
export async function pinnedFramework(db: Db, round: RoundRow): Promise<FrameworkDocument> {
  return (await frameworkRepository.findVersionById(db, round.framework_version_id)).document;
}

/** Everything the computation of a round needs, loaded in a handful of queries. */
export async function gatherRound(db: Db, round: RoundRow, doc?: FrameworkDocument, knownBy?: Date) {
  const framework = doc ?? (await pinnedFramework(db, round));
  const regions = await roundRepository.regions(db, round.id);
  const [entries, deductions] = await Promise.all([
    gatherEntries(
      db,
      round.id,
      regions.map((r) => r.code),
    ),
    gatherDeductions(
      db,
      round,
      framework,
      regions.map((r) => r.code),
      knownBy,
    ),
  ]);
  return { framework, regions, entries, deductions };
}

/**
 * Whether anything has been entered for a region: a result or a finding on some standard. Evidence
 * alone is not a score. Before anything is entered a region scores the full marks the method
 * starts from, so unscored regions are left out of the ranking rather than tied at rank 1.
 */
function hasScores(entries: Map<string, StandardEntries> | undefined): boolean {
  if (entries) for (const e of entries.values()) if (e.result !== null || e.findings.length > 0) return true;
  return false;
}

/** Every region's scorecard and its rank within its city group (null: not yet scored), from gathered entries (pure). */
export function scoreGathered({ framework, regions, entries, deductions }: Awaited<ReturnType<typeof gatherRound>>) {
  const score = regionScorer(framework);
  const scored = regions.map((region) => ({
    region,
    group: region.city_group,
    scored: hasScores(entries.get(region.code)),
    score: score(entries.get(region.code) ?? new Map(), deductions.get(region.code) ?? []),
  }));
  const ranked: ((typeof scored)[number] & { rank: number | null })[] = [
    ...rankWithinGroups(scored.filter((s) => s.scored).map((s) => ({ ...s, total: s.score.total }))),
    ...scored.filter((s) => !s.scored).map((s) => ({ ...s, rank: null })),
  ];
  const order = (rank: number | null) => rank ?? Number.MAX_SAFE_INTEGER;
  ranked.sort(
    (a, b) =>
      CityGroup.options.indexOf(a.group as CityGroup) - CityGroup.options.indexOf(b.group as CityGroup) ||
      order(a.rank) - order(b.rank),
  );
  return { doc: framework, regions: ranked.map((r) => ({ region: r.region, score: r.score, rank: r.rank })) };
}

/** Every region's scorecard and its rank within its city group. */
export async function computeRound(
  db: Db,
  round: RoundRow,
  doc?: FrameworkDocument,
  knownBy?: Date,
): Promise<ComputedRound> {
  return scoreGathered(await gatherRound(db, round, doc, knownBy));
}

/**
 * One region's scorecard without ranking the others: for a round published before scorecards
 * were frozen, recomputed from its frozen raw entries and the incidents known at publication.
 */
export async function computeRegion(db: Db, round: RoundRow, region: RoundRegionRow, doc: FrameworkDocument) {
  const [entries, deductions] = await Promise.all([
    gatherEntries(db, round.id, [region.code]),
    gatherDeductions(db, round, doc, [region.code], round.published_at ?? undefined),
  ]);
  return scoreRegion(doc, entries.get(region.code) ?? new Map(), deductions.get(region.code) ?? []);
}
