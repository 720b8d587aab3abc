import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PlanFile, planMilestones, planTargets } from './plan.ts';

// Data validation: the shipped plan file must say what the seed plan says. Reading files is
// the point of this test, so it lives in the unit tier with plain node:fs.
const ROOT = new URL('../../../', import.meta.url);
const seed = fs.readFileSync(new URL('data/sources/heilongjiang-2018-2020-action-plan.txt', ROOT), 'utf8');
const plan = PlanFile.parse(
  parseYaml(fs.readFileSync(new URL('data/plans/heilongjiang-2018-2020.yaml', ROOT), 'utf8')),
);

const tasks = plan.programmes.flatMap((p) => p.tasks);
const targets = planTargets(plan).map((t) => t.target);
const milestones = planMilestones(plan).map((m) => m.milestone);

/**
 * Entries of a "(责任单位:...)" list that are not one unit, as in data/org-units: the
 * collective "省政府各直属单位" is not a unit, so the entry maps to 省政府办公厅 and the units
 * directly under the provincial government.
 */
const ALIASES: Record<string, string[]> = {
  // 省政府办公厅 and the units directly under the provincial government (issue 16).
  省政府办公厅及省政府各直属单位: [
    '省政府办公厅',
    '省工商行政管理局',
    '省新闻出版广电局',
    '省体育局',
    '省食品药品监督管理局',
    '省国资委',
    '省统计局',
    '省安全生产监督管理局',
    '省质量技术监督局',
    '省物价监督管理局',
    '省机关事务管理局',
  ],
};

const paragraphs = seed.split('\n').filter((line) => line.trim() !== '');
const PROGRAMME_HEADING = /^\(([一二三四五六七八九十]+)\)(.+)$/;
const TASK_PARAGRAPH = /^(\d+)\.(.+)\(责任单位:([^)]*)\)$/;

/** The seed's tasks, numbered `<programme>.<task>` in order of appearance. */
function seedTasks() {
  const found: { number: string; paragraph: string; unitList: string }[] = [];
  let programme = 0;
  for (const line of paragraphs) {
    if (PROGRAMME_HEADING.test(line)) programme += 1;
    const task = TASK_PARAGRAPH.exec(line);
    if (task) found.push({ number: `${programme}.${task[1]}`, paragraph: line, unitList: task[3]! });
  }
  return found;
}

/** Every position at which `phrase` occurs in the seed. */
function positions(phrase: string): number[] {
  const at: number[] = [];
  for (let i = seed.indexOf(phrase); i >= 0; i = seed.indexOf(phrase, i + 1)) at.push(i);
  return at;
}

/** Whether some occurrence of `sourceText` in the seed contains the seed span [start, end). */
function covers(sourceText: string, start: number, end: number): boolean {
  return positions(sourceText).some((p) => p <= start && end <= p + sourceText.length);
}

describe('the shipped plan data/plans/heilongjiang-2018-2020.yaml against the seed text', () => {
  const fromSeed = seedTasks();

  it("has the seed's 4 programmes with 7, 4, 3 and 4 tasks, titled as the seed titles them", () => {
    const headings = paragraphs.flatMap((line) => PROGRAMME_HEADING.exec(line)?.[2] ?? []);
    expect(plan.programmes.map((p) => p.title)).toEqual(headings);
    expect(plan.programmes.map((p) => p.code)).toEqual(['1', '2', '3', '4']);
    expect(plan.programmes.map((p) => p.tasks.length)).toEqual([7, 4, 3, 4]);
    expect(tasks.map((t) => t.number)).toEqual(fromSeed.map((t) => t.number));
  });

  it("gives every task the seed's unit list, first-named unit as the lead, in order", () => {
    for (const task of tasks) {
      const seedTask = fromSeed.find((t) => t.number === task.number)!;
      const written = seedTask.unitList.split('、');
      const units = written.flatMap((unit) => ALIASES[unit] ?? [unit]);
      expect([...task.leadUnits, ...task.participatingUnits], task.number).toEqual(units);
      expect(task.leadUnits, task.number).toEqual([written[0]]);
      // The wording is kept wherever a collective had to be mapped, and only there.
      const mapped = written.some((unit) => ALIASES[unit] !== undefined);
      expect(task.unitsAsWritten, task.number).toBe(mapped ? seedTask.unitList : undefined);
    }
    expect(tasks.find((t) => t.number === '4.2')?.participatingUnits).toEqual(
      ALIASES['省政府办公厅及省政府各直属单位'],
    );
  });

  it("has every task's full text verbatim: ordinal + title + text + unit list is the seed paragraph", () => {
    for (const task of tasks) {
      const seedTask = fromSeed.find((t) => t.number === task.number)!;
      expect(seed.includes(task.text), task.number).toBe(true);
      expect(task.text.startsWith(`${task.title}。`), task.number).toBe(true);
      const ordinal = task.number.split('.')[1];
      expect(`${ordinal}.${task.text}(责任单位:${seedTask.unitList})`).toBe(seedTask.paragraph);
    }
  });

  it('has every other paragraph of the seed verbatim, so nothing of the text is missing', () => {
    const encoded = [
      plan.preamble,
      plan.guidingIdeology,
      ...plan.principles.map((p) => `——${p.text}`),
      plan.goals,
      ...plan.workRequirements.requirements.map((r, i) => `${'一二三四'[i]}要${r.text}`),
    ];
    const headings = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;
    const rest = paragraphs.filter((line) => !headings.test(line) && !TASK_PARAGRAPH.test(line));
    expect(encoded).toEqual(rest);
    for (const item of [...plan.principles, ...plan.workRequirements.requirements]) {
      expect(item.text.startsWith(`${item.title}。`), item.title).toBe(true);
    }
    const { jointMeetings, cityWorkMeetings, evaluation, veto } = plan.workRequirements;
    for (const text of [jointMeetings.text, cityWorkMeetings?.text ?? '', evaluation.text, veto.text]) {
      expect(seed.includes(text), text).toBe(true);
    }
  });

  it("has every target's and milestone's sourceText verbatim in the seed", () => {
    const missing = [...targets, ...milestones].filter((item) => !seed.includes(item.sourceText));
    expect(missing.map((item) => item.code)).toEqual([]);
    expect(targets).toHaveLength(21);
    expect(milestones).toHaveLength(7);
  });

  it("covers every number of the seed's target sentences with a target of that value", () => {
    const patterns = [/达到\s*(\d+)%/g, /(\d+)-(\d+)个城市/g, /(\d+)%左右/g, /降低(\d+)%/g, /(\d+)小时/g];
    const found = patterns
      .flatMap((pattern) => [...seed.matchAll(pattern)])
      .flatMap((m) =>
        m.slice(1).map((n) => ({ number: Number(n), phrase: m[0], start: m.index, end: m.index + m[0].length })),
      )
      .sort((a, b) => a.start - b.start || a.number - b.number);
    // The scan itself, spelled out, so that a change to the seed or the patterns is noticed.
    expect(found.map((f) => `${f.number} ${f.phrase}`)).toEqual([
      '5 5-7个城市',
      '7 5-7个城市',
      '12 12-15个城市',
      '15 12-15个城市',
      '15 15%左右',
      '18 18%左右',
      '100 达到100%',
      '50 达到50%',
      '65 达到65%',
      '12 12小时',
      '100 达到100%',
      '87 达到 87%',
      '35 达到35%',
      '100 达到100%',
      '40 达到40%',
      '100 达到100%',
      '95 达到95%',
      '90 达到90%',
      '15 降低15%',
      '20 达到 20%',
    ]);
    // "三年全覆盖" is a 100% coverage target without a number in the text.
    const coverage = seed.indexOf('三年全覆盖');
    found.push({ number: 100, phrase: '三年全覆盖', start: coverage, end: coverage + '三年全覆盖'.length });

    const uncovered = found.filter(
      (f) =>
        !targets.some((t) => (t.value === f.number || t.valueMax === f.number) && covers(t.sourceText, f.start, f.end)),
    );
    expect(uncovered).toEqual([]);
    // Every percentage in the seed belongs to some target (no rate is left out of the patterns).
    const percentages = [...seed.matchAll(/\d+\s*%/g)];
    expect(percentages).toHaveLength(15);
    const orphans = percentages.filter(
      (m) => !targets.some((t) => covers(t.sourceText, m.index, m.index + m[0].length)),
    );
    expect(orphans.map((m) => m[0])).toEqual([]);
  });

  it("encodes the volunteer sentence's two rates as two targets", () => {
    const phrase = '全省志愿服务团队动员率和参与率都达到65%以上';
    expect(targets.filter((t) => t.sourceText === phrase).map((t) => t.title)).toEqual([
      '志愿服务团队动员率',
      '志愿服务参与率',
    ]);
  });

  it('dates every dated phrase of the seed with a target deadline or a milestone', () => {
    const dated = [...seed.matchAll(/到?(\d{4})年(?:末|底)前?|到(\d{4})年,/g)];
    expect(dated.map((m) => m[0])).toEqual(['到2020年末', '到2020年末', '2018年底前', '到2020年底', '到2020年,']);
    for (const m of dated) {
      const year = m[1] ?? m[2];
      const due = `${year}-12-31`;
      const start = m.index;
      const end = start + m[0].length;
      const dates = [
        ...targets.filter((t) => covers(t.sourceText, start, end)).map((t) => t.deadline),
        ...milestones.filter((x) => covers(x.sourceText, start, end)).map((x) => x.due),
      ];
      expect(dates.length, m[0]).toBeGreaterThan(0);
      expect(new Set(dates), m[0]).toEqual(new Set([due]));
    }
  });

  it('scopes the waste-sorting commitments (and the issue 16 targets) by groups of data/regions', () => {
    const groups = fs.readFileSync(new URL('data/regions/heilongjiang-groups.yaml', ROOT), 'utf8');
    const codes = new Set(
      [...targets, ...milestones].flatMap((t) => (t.scope.kind === 'groups' ? t.scope.groupCodes : [])),
    );
    expect([...codes].sort()).toEqual([
      'city-statistics-units',
      'county-domain-units',
      'national-poverty-counties',
      'pilot-waste-sorting',
      'pm25-noncompliant-2015',
    ]);
    for (const code of codes) expect(groups).toContain(`code: ${code}`);
    const waste = tasks.find((t) => t.number === '2.2')!;
    expect(waste.milestones.filter((m) => m.due === '2018-12-31').map((m) => m.code)).toEqual([
      'waste-sorting-implementation-plans',
      'waste-sorting-demonstration-areas',
    ]);
  });

  it('links each 一票否决 category to entries of the evaluation negative list, named as the framework names them', () => {
    const veto = plan.workRequirements.veto;
    expect(veto.categories).toEqual(['党风廉政', '安全生产']);
    expect(veto.negativeList.map((l) => [l.category, l.code])).toEqual([
      ['党风廉政', 'N01'],
      ['安全生产', 'G15'],
    ]);
    const framework = parseYaml(
      fs.readFileSync(new URL('data/frameworks/model-2018-2020-prefecture.yaml', ROOT), 'utf8'),
    ) as { edition: string; negativeList: { code: string; name: string }[] };
    for (const link of veto.negativeList) {
      expect(link.edition).toBe(framework.edition);
      expect(framework.negativeList.find((e) => e.code === link.code)?.name, link.code).toBe(link.name);
    }
    // Every category is linked.
    expect(new Set(veto.negativeList.map((l) => l.category))).toEqual(new Set(veto.categories));
  });
});
