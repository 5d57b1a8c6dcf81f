// An editor publishes a year whose summary reports figures 2007 did not — a new kind of model team,
// team leaders as counts ("104 of 108") instead of a percentage, an October inspection, no targets,
// a chart with nothing reported — by adding content files only (tests/fixtures/year-2008/, never
// published). The fixture project passes the check and builds with correct captions, summaries,
// tables, charts, cards and open data; 2007's pages stay as they were.
import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/run';
import { buildSite, projectRoot } from '../support/build-site';
import { copyProject, removeFixtures, runScript } from '../support/fixture';
import { figuresSnapshot, pageFigures } from '../support/figures-snapshot.mjs';
import snapshot2007 from '../fixtures/figures-2007.snapshot.json';

let root = '';
let dist = '';

/**
 * `npm run check -- …args` in this process: runCheck() is what scripts/check.mjs runs (the command
 * itself runs in commands.test.ts and guide.test.ts; `npm run figures` runs here as the command).
 */
async function check(args: string[] = []): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCheck(args, root, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}
const page = async (path: string) => pageFigures(await readFile(join(dist, path), 'utf8'));

beforeAll(async () => {
  root = await copyProject('nianjian-year-2008-');
  await cp(join(projectRoot, 'tests/fixtures/year-2008/src'), join(root, 'src'), {
    recursive: true,
  });
  // The translation is new: the editor records that it matches the Chinese, as the guide says.
  expect((await check(['--mark-translated', 'src/content/reports/en/2008.mdx'])).code).toBe(0);
  dist = join(root, 'out');
});
afterAll(removeFixtures);

describe('a new year with new measures, declared in its figures file only', () => {
  test('passes npm run check', async () => {
    const result = await check();
    expect(result.output).toContain('Content check passed');
    expect(result.code).toBe(0);
  });

  test('npm run figures -- 2008 lists its figures as the site writes them', async () => {
    const result = await runScript(root, 'scripts/figures.mjs', ['2008']);
    expect(result.code).toBe(0);
    expect(result.output).toContain(
      'leaders.qualified\n      104人 · 104 people\n      合格班组长人数 · Qualified team leaders',
    );
    expect(result.output).toContain(
      'inspections.octoberProblems\n      12个 · 12 problems\n' +
        '      10月检查发现的问题数 · Problems found in the October inspection',
    );
  });

  test('a number typed instead of declared gets the message that helps', async () => {
    const file = join(root, 'src/content/reports/zh-cn/2008.mdx');
    const original = await readFile(file, 'utf8');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, `${original}\n另有创新班组２５个。\n`);
    const result = await check();
    await writeFile(file, original);
    expect(result.code).toBe(1);
    expect(result.output).toContain('手写的数字“25个”与 2008 年的任何数字都不符');
    expect(result.output).toContain(
      'add it to 2008\'s figures file (src/content/metrics/2008.yaml) as a figure, then write <Metric id="…" />',
    );
  });

  describe('built', () => {
    beforeAll(async () => {
      const result = await buildSite({ root, outDir: dist, env: { NIANJIAN_PDF: 'off' } });
      expect(result.code, result.output).toBe(0);
    });

    test('charts: captions, summaries and tables from the declared labels and values', async () => {
      const { charts, metrics } = await page('2008/index.html');
      expect(charts).toEqual([
        {
          id: 'chart-teams',
          caption: '图1 班组情况',
          image: '/charts/2008/teams.zh-CN.svg',
          summary: '班组总数：112个。优秀班组：80个（71%）。安全标杆班组：30个（27%）。',
          table: [
            ['类别', '数量', '占比'],
            ['优秀班组', '80', '71.4%'],
            ['安全标杆班组', '30', '26.8%'],
          ],
        },
        {
          id: 'chart-leaders',
          caption: '图2 班组长（共108人）',
          image: '/charts/2008/leaders.zh-CN.svg',
          summary: '班组长人数：108人。合格：104人（96%）。',
          table: [
            ['类别', '数量', '占比'],
            ['合格', '104', '96.3%'],
          ],
        },
        // Nothing reported: no empty bars, no placeholder, it says so.
        {
          id: 'chart-five-good',
          caption: '图3 “五好”科（部）室',
          image: null,
          summary: '报告未给出这些数字。',
          table: [],
        },
      ]);
      expect(metrics).toEqual([
        '112=112',
        '80=80',
        '71.42857142857143=71%',
        '30=30',
        '108=108',
        '104=104',
        '12=12',
      ]);
      const en = await page('en/2008/index.html');
      expect(en.charts.map((chart) => [chart.caption, chart.summary])).toEqual([
        [
          'Figure 1. Work teams',
          'Work teams: 112 teams. Excellent: 80 teams (71%). Safety model: 30 teams (27%).',
        ],
        [
          'Figure 2. Team leaders (108 in all)',
          'Team leaders: 108 people. Qualified: 104 people (96%).',
        ],
        ['Figure 3. Five-Good offices', 'The report gives none of these figures.'],
      ]);
      expect(existsSync(join(dist, 'charts/2008/teams.zh-CN.svg'))).toBe(true);
      expect(existsSync(join(dist, 'charts/2008/five-good.zh-CN.svg'))).toBe(false);
    });

    test('the October inspection is published as October; nothing is carried over from 2007', async () => {
      const html = await readFile(join(dist, '2008/index.html'), 'utf8');
      const figuresSection = html.slice(html.indexOf('id="figures"'));
      expect(figuresSection).not.toMatch(/9月|September|奋斗目标|经过两年多/);
      const home = await page('index.html');
      // Each card says how it compares with 2007 (the arrow is a span of its own, hidden from screen readers).
      expect(home.cards).toEqual([
        ['112', '班组总数', '▲ 比2007年增加4\u2060个', '▲'],
        ['104', '合格班组长', '共108名班组长', '本年新增'],
        ['12', '10月检查发现的问题数', '本年新增'],
      ]);
      expect((await page('en/index.html')).cards).toEqual([
        ['112', 'Work teams', '▲ up 4 teams on 2007', '▲'],
        ['104', 'qualified team leaders', 'of 108 team leaders', 'new this year'],
        ['12', 'Problems found in the October inspection', 'new this year'],
      ]);
      // The print page (the PDF edition is laid out from it) carries the same cards and charts.
      const print = await page('2008/print/index.html');
      expect(print.cards).toEqual(home.cards);
      expect(print.charts.map((chart) => chart.caption)).toEqual([
        '图1 班组情况',
        '图2 班组长（共108人）',
        '图3 “五好”科（部）室',
      ]);
    });

    test('open data: the year’s files with declared ids and labels, and one file across years', async () => {
      const csv = await readFile(join(dist, 'data/2008/metrics.csv'), 'utf8');
      expect(csv).toContain(
        'leaders.qualified,count,reported,104,104,basics,合格班组长人数,Qualified team leaders\r\n',
      );
      expect(csv).toContain('fiveGood.offices,count,reported,not reported,not reported,basics,');
      const all = (await readFile(join(dist, 'data/metrics.csv'), 'utf8')).split('\r\n');
      expect(all).toContain('2007,teams.total,班组总数,Work teams,count,108,108');
      expect(all).toContain('2008,teams.total,班组总数,Work teams,count,112,112');
      expect(all).toContain(
        '2008,inspections.octoberProblems,10月检查发现的问题数,Problems found in the October inspection,count,12,12',
      );
    });

    test('2007’s report pages, open data and charts are unchanged', async () => {
      const pages = [
        '2007/index.html',
        'en/2007/index.html',
        '2007/print/index.html',
        'en/2007/print/index.html',
      ];
      const now = await figuresSnapshot(dist, pages);
      const before = snapshot2007 as {
        pages: Record<string, unknown>;
        data: unknown;
        svgs: unknown;
      };
      expect(now).toEqual({
        pages: Object.fromEntries(pages.map((p) => [p, before.pages[p]])),
        data: before.data,
        svgs: before.svgs,
      });
    });
  });
});
