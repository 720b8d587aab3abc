import crypto from 'node:crypto';
import {
  message,
  scoreStandard,
  standardsOf,
  type EvaluationMethod,
  type CityGroup,
  type Evidence,
  type Finding,
  type FrameworkDocument,
  type LocalizedMessage,
  type Result,
  type ScoringSheet,
  type RoundStatus,
} from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit, type AuditEvent } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { frameworkRepository } from './framework-repository.ts';
import { evaluationPolicy } from './policy.ts';
import { roundRepository } from './round-repository.ts';
import { loadRound, type LoadedRound } from './rounds.ts';
import { attachmentLookup } from '../attachments/index.ts';
import { scoreRepository, type EvidenceRow, type FindingRow, type ResultRow } from './score-repository.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };
type AttachmentSummary = { id: string; owner_id: string; file_name: string; content_type: string; size_bytes: number };

const SCORING_OPEN = ['open', 'scoring'];

const files = (rows: AttachmentSummary[], ownerId: string) =>
  rows
    .filter((a) => a.owner_id === ownerId)
    .map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes }));

function presentFinding(row: FindingRow, attachments: AttachmentSummary[]): Finding {
  return {
    id: row.id,
    standardCode: row.standard_code,
    description: row.description,
    deduction: Number(row.deduction),
    siteType: row.site_type,
    location: row.location,
    evidenceId: row.evidence_id,
    scorer: { id: row.scorer_id, name: row.scorer_name },
    createdAt: new Date(row.created_at).toISOString(),
    withdrawn: row.withdrawn_at
      ? { at: new Date(row.withdrawn_at).toISOString(), by: row.withdrawn_by ?? '', reason: row.withdrawn_reason ?? '' }
      : null,
    attachments: files(attachments, row.id),
  };
}

function presentEvidence(row: EvidenceRow, attachments: AttachmentSummary[]): Evidence {
  return {
    id: row.id,
    standardCode: row.standard_code,
    note: row.note,
    submittedBy: row.submitted_by_name,
    submittedAt: new Date(row.submitted_at).toISOString(),
    attachments: files(attachments, row.id),
  };
}

function presentResult(row: ResultRow): Result {
  return {
    standardCode: row.standard_code,
    checked: row.checked,
    passed: row.passed,
    satisfaction: row.satisfaction === null ? null : Number(row.satisfaction),
    value: row.value,
    source: row.source as Result['source'],
    reviewed: row.reviewed,
    notApplicable: row.not_applicable,
    note: row.note,
    scorer: { id: row.scorer_id, name: row.scorer_name },
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function roundContext(db: Db, roundId: string, regionCode: string) {
  const round = await loadRound(db, roundId);
  const region = await roundRepository.findRegion(db, roundId, regionCode);
  if (!region) throw notFound(message('notFound.regionInRound', { region: regionCode, round: roundId }));
  const doc = (await frameworkRepository.findVersionById(db, round.row.framework_version_id)).document;
  return { round, region, doc };
}

function findStandard(doc: FrameworkDocument, code: string, field: string) {
  const found = standardsOf(doc).find((s) => s.standard.code === code);
  if (!found) throw invalid([{ field, message: message('scoring.noStandard', { code }) }]);
  return found.standard;
}

function assertScoringOpen(round: LoadedRound) {
  if (!SCORING_OPEN.includes(round.row.status)) {
    throw conflict(
      message('round.scoresWhileOpen', { status: message(`roundStatus.${round.row.status as RoundStatus}`) }),
    );
  }
}

/** The standards of one method for one region, with what has been entered against each. */
export async function readSheet(
  db: Db,
  actor: Actor,
  roundId: string,
  regionCode: string,
  method: EvaluationMethod,
): Promise<ScoringSheet> {
  const { round, region, doc } = await roundContext(db, roundId, regionCode);
  evaluationPolicy.canSeeScores(actor, round.access, region);
  const [results, findings, evidence] = await Promise.all([
    scoreRepository.results(db, roundId, region),
    scoreRepository.findings(db, roundId, region),
    scoreRepository.evidence(db, roundId, region),
  ]);
  const [findingFiles, evidenceFiles] = await Promise.all([
    attachmentLookup.listFilesOf(
      db,
      ['evaluation_finding'],
      findings.map((f) => f.id),
    ),
    attachmentLookup.listFilesOf(
      db,
      ['evaluation_evidence'],
      evidence.map((e) => e.id),
    ),
  ]);
  let canScore = true;
  try {
    evaluationPolicy.canScore(actor, round.access, region, method);
    assertScoringOpen(round);
  } catch {
    canScore = false;
  }
  const standards = standardsOf(doc)
    .filter((s) => s.standard.method === method)
    .map(({ project, content, standard }) => {
      const result = results.find((r) => r.standard_code === standard.code) ?? null;
      const mine = findings.filter((f) => f.standard_code === standard.code);
      const ev = evidence.filter((e) => e.standard_code === standard.code);
      const score = scoreStandard(standard, {
        result: result
          ? {
              checked: result.checked,
              passed: result.passed,
              satisfaction: result.satisfaction === null ? null : Number(result.satisfaction),
              value: result.value,
              reviewed: result.reviewed,
              notApplicable: result.not_applicable,
              note: result.note,
              scorer: result.scorer_name,
            }
          : null,
        findings: mine
          .filter((f) => !f.withdrawn_at)
          .map((f) => ({
            id: f.id,
            deduction: Number(f.deduction),
            description: f.description,
            scorer: f.scorer_name,
            evidenceId: f.evidence_id,
            attachmentIds: [],
          })),
        evidenceIds: ev.map((e) => e.id),
      }).score;
      return {
        projectCode: project.code,
        projectName: project.name,
        contentCode: content.code,
        contentName: content.name,
        standard,
        result: result ? presentResult(result) : null,
        findings: mine.map((f) => presentFinding(f, findingFiles)),
        evidence: ev.map((e) => presentEvidence(e, evidenceFiles)),
        score: Math.round(score * 100) / 100,
      };
    });
  return {
    roundId,
    region: { code: region.code, name: region.name, path: region.path, cityGroup: region.city_group as CityGroup },
    method,
    canScore,
    standards,
  };
}

/**
 * Writes a change to what a region's scores in a round are computed from, in one transaction: the
 * change, its audit entry, and the event that tells the round's kept computation its inputs changed
 * (decision 0174).
 */
function changeScoringInput(
  db: Db,
  ctx: Context,
  of: { round_id: string; region_code: string; prefecture_code: string | null },
  write: (trx: Db) => Promise<unknown>,
  audit: Omit<AuditEvent, 'regionCode' | 'prefectureCode'>,
) {
  return db.transaction().execute(async (trx) => {
    await write(trx);
    await recordAudit(trx, ctx, { ...audit, regionCode: of.region_code, prefectureCode: of.prefecture_code });
    await emitEvent(trx, {
      name: 'evaluation-round.changed',
      payload: { roundId: of.round_id, prefectureCode: of.prefecture_code },
    });
  });
}

/** A city uploads material for a standard while the round is open (files follow as attachments). */
export async function submitEvidence(
  db: Db,
  ctx: Context,
  roundId: string,
  regionCode: string,
  request: { standardCode: string; note: string },
): Promise<Evidence> {
  const { round, region, doc } = await roundContext(db, roundId, regionCode);
  evaluationPolicy.canSubmitEvidence(ctx.actor, round.access, region.path);
  findStandard(doc, request.standardCode, 'body.standardCode');
  const id = crypto.randomUUID();
  const row = {
    id,
    round_id: roundId,
    region_code: regionCode,
    prefecture_code: region.prefecture_code,
    standard_code: request.standardCode,
    note: request.note,
    submitted_by: ctx.actor.userId,
  };
  await changeScoringInput(db, ctx, row, (trx) => scoreRepository.insertEvidence(trx, row), {
    action: 'evaluation.evidence.submit',
    entityType: 'evaluation_evidence',
    entityId: id,
    after: row,
  });
  return presentEvidence((await scoreRepository.findEvidence(db, id))!, []);
}

/**
 * Enters or replaces the measured result of a standard. What it takes follows the rule:
 * checks for a proportion, a satisfaction score for a survey, a value for a threshold,
 * `reviewed` for a deduction standard passed without findings.
 */
export async function enterResult(
  db: Db,
  ctx: Context,
  roundId: string,
  regionCode: string,
  standardCode: string,
  request: {
    checked?: number;
    passed?: number;
    satisfaction?: number;
    value?: number;
    reviewed?: boolean;
    note: string;
  },
): Promise<Result> {
  const { round, region, doc } = await roundContext(db, roundId, regionCode);
  const standard = findStandard(doc, standardCode, 'params.standardCode');
  evaluationPolicy.canScore(ctx.actor, round.access, region, standard.method);
  assertScoringOpen(round);
  const kind = standard.rule.kind;
  const need = (ok: boolean, field: string, text: LocalizedMessage) => {
    if (!ok) throw invalid([{ field: `body.${field}`, message: text }]);
  };
  if (kind === 'proportion') {
    need(request.checked !== undefined, 'checked', message('scoring.needChecked'));
    need(request.passed !== undefined, 'passed', message('scoring.needPassed'));
    need(request.passed! <= request.checked!, 'passed', message('scoring.passedOverChecked'));
  } else if (kind === 'survey') {
    need(request.satisfaction !== undefined, 'satisfaction', message('scoring.needSatisfaction'));
  } else if (kind === 'threshold') {
    need(request.value !== undefined, 'value', message('scoring.needValue'));
  } else {
    need(request.reviewed !== undefined, 'reviewed', message('scoring.needReviewed'));
  }
  return writeResult(
    db,
    ctx,
    'evaluation.result.enter',
    region,
    roundId,
    regionCode,
    standardCode,
    {
      checked: kind === 'proportion' ? request.checked! : null,
      passed: kind === 'proportion' ? request.passed! : null,
      satisfaction: kind === 'survey' ? request.satisfaction! : null,
      value: kind === 'threshold' ? request.value! : null,
      reviewed: kind === 'deduction' ? request.reviewed! : true,
      not_applicable: false,
    },
    request.note,
  );
}

/**
 * Writes (inserts or replaces) a region's result of a standard by hand with its audit row, marks
 * the round changed, and answers the result as stored: what entering a result and marking a
 * standard not applicable share.
 */
async function writeResult(
  db: Db,
  ctx: Context,
  action: 'evaluation.result.enter' | 'evaluation.result.not_applicable',
  region: { code: string; prefecture_code: string },
  roundId: string,
  regionCode: string,
  standardCode: string,
  entry: {
    checked: number | null;
    passed: number | null;
    satisfaction: number | null;
    value: number | null;
    reviewed: boolean;
    not_applicable: boolean;
  },
  note: string,
): Promise<Result> {
  const before = await scoreRepository.findResult(db, roundId, region, standardCode);
  const row = {
    round_id: roundId,
    region_code: regionCode,
    standard_code: standardCode,
    prefecture_code: region.prefecture_code,
    ...entry,
    source: 'manual',
    note,
    scorer_id: ctx.actor.userId,
  };
  await changeScoringInput(db, ctx, row, (trx) => scoreRepository.upsertResult(trx, row), {
    action,
    entityType: 'evaluation_result',
    entityId: `${roundId}/${regionCode}/${standardCode}`,
    before: before ?? null,
    after: row,
  });
  return presentResult((await scoreRepository.findResult(db, roundId, region, standardCode))!);
}

/**
 * Marks a standard not applicable to a region, with the reason (e.g. the city has no site of
 * the kind the standard inspects): it then counts for no points, neither earned nor lost.
 * Entering a result later replaces the mark. Audited like every entry.
 */
export async function markNotApplicable(
  db: Db,
  ctx: Context,
  roundId: string,
  regionCode: string,
  standardCode: string,
  reason: string,
): Promise<Result> {
  const { round, region, doc } = await roundContext(db, roundId, regionCode);
  const standard = findStandard(doc, standardCode, 'params.standardCode');
  evaluationPolicy.canScore(ctx.actor, round.access, region, standard.method);
  assertScoringOpen(round);
  return writeResult(
    db,
    ctx,
    'evaluation.result.not_applicable',
    region,
    roundId,
    regionCode,
    standardCode,
    {
      checked: null,
      passed: null,
      satisfaction: null,
      value: null,
      reviewed: false,
      not_applicable: true,
    },
    reason,
  );
}

/**
 * Records a deduction on a deduction-rule standard: its reason, the amount the inspector
 * entered (default the rule's per-finding amount, at most the standard's points), site and
 * evidence. The amount is stored as entered; the standard's cap is applied when scoring, so a
 * withdrawn finding never changes how the others count.
 */
export async function recordFinding(
  db: Db,
  ctx: Context,
  roundId: string,
  regionCode: string,
  request: {
    standardCode: string;
    description: string;
    deduction?: number;
    siteType?: string;
    location?: string;
    evidenceId?: string;
  },
): Promise<Finding> {
  const { round, region, doc } = await roundContext(db, roundId, regionCode);
  const standard = findStandard(doc, request.standardCode, 'body.standardCode');
  evaluationPolicy.canScore(ctx.actor, round.access, region, standard.method);
  assertScoringOpen(round);
  if (standard.rule.kind !== 'deduction') {
    throw invalid([
      {
        field: 'body.standardCode',
        message: message('scoring.enterResult', {
          code: standard.code,
          rule: message(`scoringRule.${standard.rule.kind}`),
        }),
      },
    ]);
  }
  const deduction = request.deduction ?? standard.rule.perFinding;
  if (deduction > standard.points) {
    throw invalid([
      {
        field: 'body.deduction',
        message: message('scoring.findingTooCostly', { code: standard.code, points: standard.points }),
      },
    ]);
  }
  if (request.siteType && !doc.siteTypes.some((s) => s.code === request.siteType)) {
    throw invalid([{ field: 'body.siteType', message: message('scoring.noSiteType', { siteType: request.siteType }) }]);
  }
  if (request.evidenceId) {
    const ev = await scoreRepository.findEvidence(db, request.evidenceId);
    if (!ev || ev.round_id !== roundId || ev.region_code !== regionCode || ev.standard_code !== standard.code) {
      throw invalid([{ field: 'body.evidenceId', message: message('scoring.evidenceElsewhere') }]);
    }
  }
  const id = crypto.randomUUID();
  const row = {
    id,
    round_id: roundId,
    region_code: regionCode,
    prefecture_code: region.prefecture_code,
    standard_code: standard.code,
    description: request.description,
    deduction,
    site_type: request.siteType ?? null,
    location: request.location ?? null,
    evidence_id: request.evidenceId ?? null,
    scorer_id: ctx.actor.userId,
  };
  await changeScoringInput(db, ctx, row, (trx) => scoreRepository.insertFinding(trx, row), {
    action: 'evaluation.finding.record',
    entityType: 'evaluation_finding',
    entityId: id,
    after: row,
  });
  return presentFinding((await scoreRepository.findFinding(db, id))!, []);
}

/** Withdraws a finding with a reason (kept, struck through); the scorer or an organiser. */
export async function withdrawFinding(db: Db, ctx: Context, id: string, reason: string): Promise<Finding> {
  const finding = await scoreRepository.findFinding(db, id);
  if (!finding) throw notFound('finding', id);
  const { round, region, doc } = await roundContext(db, finding.round_id, finding.region_code);
  const standard = findStandard(doc, finding.standard_code, 'params.id');
  evaluationPolicy.canScore(ctx.actor, round.access, region, standard.method);
  assertScoringOpen(round);
  if (finding.withdrawn_at) throw conflict(message('finding.alreadyWithdrawn'));
  await changeScoringInput(
    db,
    ctx,
    finding,
    (trx) => scoreRepository.withdrawFinding(trx, finding, ctx.actor.userId, reason),
    {
      action: 'evaluation.finding.withdraw',
      entityType: 'evaluation_finding',
      entityId: id,
      before: finding,
      after: { reason },
    },
  );
  const files = await attachmentLookup.listFilesOf(db, ['evaluation_finding'], [id]);
  return presentFinding((await scoreRepository.findFinding(db, id))!, files);
}
