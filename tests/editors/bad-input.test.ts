// Bad input never breaks the published site. Each case is the project with one mistake (or one
// hostile file); `npm run check` must exit non-zero, name the file and the field in Chinese and
// English, and leave dist/ byte-for-byte as it was. The cases run the check itself in-process
// (runCheck, what scripts/check.mjs runs) on one copy of the project, put back before each case.
// The real commands (check, new, build) with such mistakes: tests/editors/commands.test.ts.
import { copyFile, cp, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/run';
import { projectRoot } from '../support/build-site';
import { copyProject, edit, fingerprintTree, removeFixtures, seedDist } from '../support/fixture';

afterAll(removeFixtures);

interface Outcome {
  code: number | null;
  output: string;
  distBefore: string;
  distAfter: string;
}

/** One copy of the project for every check case, put back to the project's state before each. */
let checkRoot: string | undefined;
let checkRootEntries: string[] = [];

async function freshCheckRoot(): Promise<string> {
  if (!checkRoot) {
    checkRoot = await copyProject('nianjian-bad-input-');
    checkRootEntries = await readdir(checkRoot);
    return checkRoot;
  }
  // What a case may have changed: the sources (src/), dist/, and files it added beside them.
  for (const entry of await readdir(checkRoot))
    if (entry === 'src' || entry === 'dist' || !checkRootEntries.includes(entry))
      await rm(join(checkRoot, entry), { recursive: true, force: true });
  await cp(join(projectRoot, 'src'), join(checkRoot, 'src'), { recursive: true });
  return checkRoot;
}

/** A fixture with a published dist/ and one mistake, checked the way `npm run check` does. */
async function checkBroken(
  breakIt: (root: string) => Promise<void>,
  args: string[] = [],
): Promise<Outcome> {
  const root = await freshCheckRoot();
  const distBefore = await seedDist(root);
  await breakIt(root);
  const lines: string[] = [];
  const code = await runCheck(args, root, (text) => lines.push(text));
  return {
    code,
    output: lines.join('\n'),
    distBefore,
    distAfter: await fingerprintTree(join(root, 'dist')),
  };
}

/** Non-zero exit, the file (and line) and field named in both languages, dist/ untouched. */
function expectCaught(
  outcome: Outcome,
  file: string,
  field: string,
  englishFragment?: string | RegExp,
) {
  expect(outcome.code, outcome.output).not.toBe(0);
  const header = new RegExp(
    `\\d+\\. ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::\\d+)? — ` +
      `字段 field "${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`,
  );
  expect(outcome.output, outcome.output).toMatch(header);
  expect(outcome.output).toContain('问题：');
  expect(outcome.output).toContain('改法：');
  expect(outcome.output).toContain('Fix: ');
  if (englishFragment) expect(outcome.output).toMatch(englishFragment);
  expect(outcome.distAfter).toBe(outcome.distBefore);
}

const hotelZh = 'src/content/units/zh-cn/2007/hotel.mdx';
const hotelEn = 'src/content/units/en/2007/hotel.mdx';
const reportZh = 'src/content/reports/zh-cn/2007.mdx';
const metrics = 'src/content/metrics/2007.yaml';

/** Writes an image next to the hotel's page and shows it in the text with `![…](./file)`. */
async function hotelImage(
  root: string,
  name: string,
  bytes: Buffer | string,
  alt = '平果铝宾馆大堂',
) {
  await writeFile(join(root, 'src/content/units/zh-cn/2007', name), bytes);
  await edit(root, hotelZh, '</ReportQuote>', `</ReportQuote>\n\n![${alt}](./${name})\n`);
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#4a7a9c' } });

describe('npm run check catches every class of mistake', () => {
  test('the real content passes, and the check exits 0', async () => {
    const outcome = await checkBroken(async () => {});
    expect(outcome.code, outcome.output).toBe(0);
    expect(outcome.output).toContain('Content check passed');
  });

  test('1. a required field is missing', async () => {
    const outcome = await checkBroken((root) => edit(root, hotelZh, /^name: .*\n/m, ''));
    expectCaught(outcome, hotelZh, 'name', /field "name" is missing/);
    expect(outcome.output).toContain('缺少这个必填字段');
  });

  test('2. a required field is empty', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, reportZh, /^slogan: .*$/m, 'slogan: ""'),
    );
    expectCaught(outcome, reportZh, 'slogan', /is empty/);
  });

  test('3. a field of the wrong type', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, 'highlighted: true', 'highlighted: "是"'),
    );
    expectCaught(outcome, hotelZh, 'highlighted', /should be true or false/);
  });

  test('4. a value outside its list (enum)', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, 'kind: business-unit', 'kind: factory'),
    );
    expectCaught(
      outcome,
      hotelZh,
      'kind',
      /use one of: "business-unit", "branch-factory", "workshop", "department", "office", "team"/,
    );
  });

  test('5. a date that does not exist', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, reportZh, /^summary:/m, 'date: 2007-13-45\nsummary:'),
    );
    expectCaught(outcome, reportZh, 'date', /is not a real date/);
  });

  test('6. an entry without its counterpart in the other language', async () => {
    const outcome = await checkBroken((root) => unlink(join(root, hotelEn)));
    expectCaught(outcome, hotelZh, '(counterpart)', /has no en counterpart/);
  });

  test('7. a translation out of date (the Chinese changed after it)', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, '组员轮值班长制', '组员轮流值班长制'),
    );
    expectCaught(
      outcome,
      hotelEn,
      'sourceHash',
      /is out of date: src\/content\/units\/zh-cn\/2007\/hotel\.mdx changed/,
    );
  });

  test('8. a translation that never recorded its source', async () => {
    const outcome = await checkBroken((root) => edit(root, hotelEn, /^sourceHash: .*\n/m, ''));
    expectCaught(outcome, hotelEn, 'sourceHash', /is missing, so nobody can tell/);
  });

  test('9. a dangling glossary reference', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, 'six-constants', 'seven-constants'),
    );
    expectCaught(
      outcome,
      hotelZh,
      'practices.1',
      /refers to "seven-constants", which is not in the glossary collection/,
    );
  });

  test('10. a dangling unit reference in the text (<UnitLink unit>)', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, reportZh, 'unit="aluminium-alloy-plant"', 'unit="aluminum-alloy-plant"'),
    );
    expectCaught(
      outcome,
      reportZh,
      '<UnitLink unit>',
      /refers to "aluminum-alloy-plant", which is not in the units collection/,
    );
  });

  test('11. a dangling parent unit', async () => {
    const file = 'src/content/units/zh-cn/2007/purified-water-plant.mdx';
    const outcome = await checkBroken((root) =>
      edit(root, file, 'parent: living-services-company', 'parent: living-service-company'),
    );
    expectCaught(outcome, file, 'parent', /refers to "living-service-company"/);
  });

  test('12. a dangling related term in the glossary', async () => {
    const file = 'src/content/glossary/six-constants.yaml';
    const outcome = await checkBroken((root) =>
      edit(root, file, 'related: [rotating-team-leader]', 'related: [rotating-leader]'),
    );
    expectCaught(outcome, file, 'related.0', /refers to "rotating-leader"/);
  });

  test('13. a duplicate: two glossary files for the same term', async () => {
    const outcome = await checkBroken((root) =>
      copyFile(
        join(root, 'src/content/glossary/six-constants.yaml'),
        join(root, 'src/content/glossary/six-constants-method.yaml'),
      ),
    );
    expectCaught(
      outcome,
      'src/content/glossary/six-constants.yaml',
      'zh',
      /the same as in src\/content\/glossary\/six-constants-method\.yaml/,
    );
  });

  test('14. a file name that is not ASCII (it would be the page address)', async () => {
    const outcome = await checkBroken(async (root) => {
      await copyFile(join(root, hotelZh), join(root, 'src/content/units/zh-cn/2007/宾馆.mdx'));
    });
    expectCaught(
      outcome,
      'src/content/units/zh-cn/2007/宾馆.mdx',
      '(file name)',
      /lower-case ASCII letters, digits and hyphens/,
    );
  });

  test('15. an image that does not exist', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, '</ReportQuote>', '</ReportQuote>\n\n![平果铝宾馆大堂](./lobby.jpg)\n'),
    );
    expectCaught(
      outcome,
      hotelZh,
      '(image in text)',
      /names an image file that does not exist \(src\/content\/units\/zh-cn\/2007\/lobby\.jpg\)/,
    );
  });

  test('16. an image file that is not an image (corrupt)', async () => {
    const outcome = await checkBroken((root) =>
      hotelImage(root, 'lobby.jpg', 'this is not a JPEG'),
    );
    expectCaught(outcome, hotelZh, '(image in text)', /is not a readable image/);
  });

  test('17. a truncated JPEG', async () => {
    const jpeg = await photo(2000, 1500).jpeg().toBuffer();
    const outcome = await checkBroken((root) =>
      hotelImage(root, 'lobby.jpg', jpeg.subarray(0, jpeg.length >> 1)),
    );
    expectCaught(outcome, hotelZh, '(image in text)', /is damaged or incomplete/);
  });

  test('18. a CMYK JPEG', async () => {
    const jpeg = await photo(2000, 1500).toColourspace('cmyk').jpeg().toBuffer();
    const outcome = await checkBroken((root) => hotelImage(root, 'lobby.jpg', jpeg));
    expectCaught(outcome, hotelZh, '(image in text)', /uses CMYK colours/);
  });

  test('19. an image too small for its largest rendition', async () => {
    const jpeg = await photo(200, 150).jpeg().toBuffer();
    const outcome = await checkBroken((root) => hotelImage(root, 'lobby.jpg', jpeg));
    expectCaught(outcome, hotelZh, '(image in text)', /is only 200×150 pixels/);
  });

  test('20. an image in a format the site does not publish (GIF)', async () => {
    const gif = await photo(800, 600).gif().toBuffer();
    const outcome = await checkBroken((root) => hotelImage(root, 'lobby.gif', gif));
    expectCaught(outcome, hotelZh, '(image in text)', /is in GIF format/);
  });

  test('21. an SVG where a photo belongs', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1500"><rect width="100%" height="100%"/></svg>';
    const outcome = await checkBroken((root) => hotelImage(root, 'lobby.svg', svg));
    expectCaught(outcome, hotelZh, '(image in text)', /is an SVG drawing, not a photo/);
  });

  test('22. an image without alt text', async () => {
    const jpeg = await photo(800, 600).jpeg().toBuffer();
    const outcome = await checkBroken((root) => hotelImage(root, 'lobby.jpg', jpeg, ''));
    expectCaught(outcome, hotelZh, '(image alt text)', /has no alt text/);
  });

  test('23. metrics that contradict each other (excellent > total)', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, metrics, '    value: 71\n', '    value: 120\n'),
    );
    expectCaught(
      outcome,
      metrics,
      'figures.1.value',
      /"teams\.excellent" is 120, more than "teams\.qualified" \(107\)/,
    );
    expect(outcome.output).toContain('部分不能大于整体');
  });

  test('24. a count written as text in the metrics', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, metrics, '    value: 71\n', '    value: 七十一\n'),
    );
    expectCaught(outcome, metrics, 'figures.1.value', /must be a whole number of 0 or more/);
  });

  test('25. a hand-typed figure in the prose that contradicts the data', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, reportZh, '<Metric id="teams.excellentRate" />', '67％'),
    );
    expectCaught(
      outcome,
      reportZh,
      '(prose)',
      /"67%" is typed by hand and matches no figure of 2007/,
    );
  });

  test('26. an MDX syntax error (an unclosed component)', async () => {
    const outcome = await checkBroken((root) => edit(root, hotelZh, '</ReportQuote>', ''));
    expectCaught(outcome, hotelZh, '(MDX text)', /is not valid MDX/);
  });

  test('27. an unknown MDX component', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, '</ReportQuote>', '</ReportQuote>\n\n<Chart year={2007} />\n'),
    );
    expectCaught(
      outcome,
      hotelZh,
      '<Chart>',
      /uses <Chart>, which is not one of the project's components/,
    );
  });

  test('28. an unknown figure in <Metric id>', async () => {
    const outcome = await checkBroken((root) =>
      edit(
        root,
        reportZh,
        '<Metric id="teams.excellentRate" />',
        '<Metric id="teams.excelentRate" />',
      ),
    );
    expectCaught(
      outcome,
      reportZh,
      '(prose)',
      /quotes the figure "teams\.excelentRate", which src\/content\/metrics\/2007\.yaml does not declare/,
    );
  });

  test('29. YAML that does not parse', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, 'src/content/glossary/six-constants.yaml', 'zh: "六常法"', 'zh: "六常法'),
    );
    expectCaught(outcome, 'src/content/glossary/six-constants.yaml', '(YAML)', /is not valid YAML/);
  });

  test('30. hostile: a <script> in a text field (caption, award)', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, 'awards: []', 'awards: ["<script>alert(1)</script>"]'),
    );
    expectCaught(outcome, hotelZh, 'awards.0', /contains HTML markup/);
  });

  test('31. hostile: a <script> in the text of a page', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelZh, '</ReportQuote>', '</ReportQuote>\n\n<script>alert(1)</script>\n'),
    );
    expectCaught(outcome, hotelZh, '<script>', /contains a <script> tag/);
  });

  test('32. hostile: a 2 MB MDX file', async () => {
    const outcome = await checkBroken(async (root) => {
      const text = await readFile(join(root, hotelZh), 'utf8');
      await writeFile(
        join(root, hotelZh),
        text + '平果铝宾馆大力推行组员轮值班长制。\n'.repeat(40_000),
      );
    });
    expectCaught(
      outcome,
      hotelZh,
      '(file size)',
      /is 2\.\d MB; a content file must stay under 512 KB/,
    );
  });

  test('33. a content file with the wrong extension is reported, not silently ignored', async () => {
    const outcome = await checkBroken((root) =>
      copyFile(
        join(root, 'src/content/glossary/team.yaml'),
        join(root, 'src/content/glossary/team-member.yml'),
      ),
    );
    expectCaught(
      outcome,
      'src/content/glossary/team-member.yml',
      '(file name)',
      /ends in "\.yml", so the site ignores it/,
    );
  });

  test('34. a published page depends on a draft', async () => {
    const outcome = await checkBroken(async (root) => {
      await edit(
        root,
        'src/content/units/zh-cn/2007/aluminium-alloy-plant.mdx',
        /^---\n/,
        '---\ndraft: true\n',
      );
      await edit(
        root,
        'src/content/units/en/2007/aluminium-alloy-plant.mdx',
        /^---\n/,
        '---\ndraft: true\n',
      );
    });
    expectCaught(
      outcome,
      reportZh,
      '<UnitLink unit>',
      /refers to "aluminium-alloy-plant", which is still a draft/,
    );
    expectCaught(
      outcome,
      'src/content/units/zh-cn/2007/alloy-production-team-1.mdx',
      'parent',
      /still a draft/,
    );
  });

  test('35. one language published, the other still a draft', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, hotelEn, /^---\n/, '---\ndraft: true\n'),
    );
    expectCaught(
      outcome,
      hotelEn,
      'draft',
      /is true, but src\/content\/units\/zh-cn\/2007\/hotel\.mdx is published/,
    );
  });

  // The gallery's photos (src/content/photos/<slug>.yaml, the image beside it).
  const bonfire = 'src/content/photos/bonfire-song-and-dance.yaml';
  /** Replaces the bonfire photo's image with `bytes` under `name` and points the entry at it. */
  async function bonfireImage(root: string, name: string, bytes: Buffer | string) {
    await writeFile(join(root, 'src/content/photos', name), bytes);
    await edit(root, bonfire, 'image: ./bonfire-song-and-dance.jpg', `image: ./${name}`);
  }

  test('36. a photo without alt text', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, bonfire, /\nalt:\n  zh: .*\n  en: .*\n/, '\n'),
    );
    expectCaught(outcome, bonfire, 'alt', /field "alt" is missing/);
  });

  test('37. a photo of an event that does not exist', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, bonfire, 'event: bonfire-party', 'event: bonfire-night'),
    );
    expectCaught(outcome, bonfire, 'event', /refers to "bonfire-night"/);
  });

  test('38. a photo that is a CMYK JPEG', async () => {
    const jpeg = await photo(2400, 1800).toColourspace('cmyk').jpeg().toBuffer();
    const outcome = await checkBroken((root) => bonfireImage(root, 'cmyk.jpg', jpeg));
    expectCaught(outcome, bonfire, 'image', /uses CMYK colours/);
  });

  test('39. a photo that is a truncated JPEG', async () => {
    const jpeg = await photo(2400, 1800).jpeg().toBuffer();
    const outcome = await checkBroken((root) =>
      bonfireImage(root, 'cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2))),
    );
    expectCaught(outcome, bonfire, 'image');
  });

  test('40. a photo that is a PNG with transparency', async () => {
    const png = await sharp({
      create: {
        width: 2400,
        height: 1800,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0.5 },
      },
    })
      .png()
      .toBuffer();
    const outcome = await checkBroken((root) => bonfireImage(root, 'alpha.png', png));
    expectCaught(outcome, bonfire, 'image');
  });

  test('41. a photo that is an SVG', async () => {
    const outcome = await checkBroken((root) =>
      bonfireImage(
        root,
        'drawing.svg',
        '<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1800"/>',
      ),
    );
    expectCaught(outcome, bonfire, 'image');
  });

  test('42. a photo too small for the largest rendition', async () => {
    const jpeg = await photo(1200, 900).jpeg().toBuffer();
    const outcome = await checkBroken((root) => bonfireImage(root, 'small.jpg', jpeg));
    expectCaught(outcome, bonfire, 'image', /needs at least 1920 pixels/);
  });

  test('43. hostile: a <script> in a photo caption', async () => {
    const outcome = await checkBroken((root) =>
      edit(root, bonfire, /\n  zh: 1月30日晚/, '\n  zh: <script>alert(1)</script>1月30日晚'),
    );
    expectCaught(outcome, bonfire, 'caption.zh', /contains HTML markup/);
  });

  // Content is data, not code (issue 12): MDX outside the allowlist (src/model/mdx-allowlist.ts).
  /** Puts `text` into the hotel's page, after its quote from the report. */
  const hotelText = (text: string) => (root: string) =>
    edit(root, hotelZh, '</ReportQuote>', `</ReportQuote>\n\n${text}\n`);

  test('44. hostile: an MDX import of node:fs', async () => {
    const outcome = await checkBroken(
      hotelText("import { readFileSync, writeFileSync } from 'node:fs'"),
    );
    expectCaught(
      outcome,
      hotelZh,
      'import …',
      /has an MDX "import" line .* which runs JavaScript while the site is built/,
    );
    expect(outcome.output).toContain('构建网站时会运行 JavaScript');
  });

  test('45. hostile: an MDX export', async () => {
    const outcome = await checkBroken(hotelText('export const leaked = process.env.HOME'));
    expectCaught(outcome, hotelZh, 'export …', /has an MDX "export" line/);
  });

  test('46. hostile: a {…} expression reading the build machine', async () => {
    const outcome = await checkBroken(hotelText('主机：{process.env.HOME}'));
    expectCaught(
      outcome,
      hotelZh,
      '{…}',
      /has the expression \{process\.env\.HOME\}, which runs JavaScript/,
    );
  });

  test('47. hostile: a {…} expression that never ends (it hung the build)', async () => {
    const outcome = await checkBroken(hotelText('{(()=>{while(true){}})()}'));
    expectCaught(outcome, hotelZh, '{…}', /runs JavaScript while the site is built/);
  });

  test('48. hostile: an event handler (onerror) on an image', async () => {
    const outcome = await checkBroken(
      hotelText('<img src="./missing.jpg" alt="大堂" onerror="document.title=1" />'),
    );
    expectCaught(
      outcome,
      hotelZh,
      'onerror=',
      /has the event handler onerror=, which would run code in the reader's browser/,
    );
  });

  test('49. hostile: forbidden tags in mixed case (<sCript>, <iFrame>, <fOrm>, <sTyle>, <bAse>, <LINK>)', async () => {
    const tags = ['sCript', 'iFrame', 'fOrm', 'sTyle', 'bAse', 'LINK', 'oBject', 'eMbed'];
    const outcome = await checkBroken(
      hotelText(tags.map((tag) => `<${tag}>x</${tag}>`).join('\n\n')),
    );
    for (const tag of tags)
      expectCaught(
        outcome,
        hotelZh,
        `<${tag}>`,
        new RegExp(`contains a <${tag}> tag, which is not allowed in content`),
      );
  });

  test('50. hostile: <meta http-equiv="refresh"> to another site', async () => {
    const outcome = await checkBroken(
      hotelText('<meta http-equiv="refresh" content="1;url=https://example.com/" />'),
    );
    expectCaught(outcome, hotelZh, '<meta>', /contains a <meta> tag/);
  });

  test('51. hostile: javascript:, data: and vbscript: addresses, however they are spelt', async () => {
    const outcome = await checkBroken(
      hotelText(
        '[点这里](javascript:alert(1)) <a href="JaVa&#115;cript&colon;alert(1)">链接</a> ' +
          '<a href=" vbscript:msgbox">旧</a> <a href="java\tscript:x">tab</a> ' +
          '![图](data:image/png;base64,AAAA)',
      ),
    );
    expectCaught(outcome, hotelZh, 'javascript:', /uses a javascript: address/);
    expectCaught(outcome, hotelZh, 'vbscript:', /uses a vbscript: address/);
    expectCaught(outcome, hotelZh, 'data:', /uses a data: address/);
    expect(outcome.output.match(/uses a javascript: address/g)?.length).toBe(3);
  });

  test('52. hostile: expressions in component props and spread attributes', async () => {
    const outcome = await checkBroken(
      hotelText(
        '<UnitLink unit={"ho" + "tel"}>宾馆</UnitLink> <UnitLink {...props}>宾馆</UnitLink>',
      ),
    );
    expectCaught(outcome, hotelZh, 'unit={…}', /computes its value with JavaScript/);
    expectCaught(outcome, hotelZh, '<UnitLink {…}>', /has a \{…\} expression among its attributes/);
  });

  test('53. an HTML tag outside the list, and an attribute a tag does not take', async () => {
    const outcome = await checkBroken(
      hotelText('<marquee>滚动</marquee> <span style="color:red">红</span>'),
    );
    expectCaught(outcome, hotelZh, '<marquee>', /is not on the list of tags content may use/);
    expectCaught(outcome, hotelZh, 'style=', /<span> does not take the attribute style=/);
  });

  // Paths: every image inside src/content/.
  test('54. hostile: an image path that climbs out of the project (../../../../usr/share/…)', async () => {
    const outcome = await checkBroken(
      hotelText('![图标](../../../../../../../usr/share/icons/hicolor/48x48/apps/chromium.png)'),
    );
    expectCaught(
      outcome,
      hotelZh,
      '(image in text)',
      /is outside the content folder \(src\/content\/\)/,
    );
  });

  test('55. an image named by absolute path, by https:// and by file:///', async () => {
    const outcome = await checkBroken(
      hotelText(
        '![甲](/usr/share/a.png)\n\n![乙](https://example.com/b.jpg)\n\n' +
          '![丙](file:///etc/c.jpg)\n\n<img src="/etc/d.jpg" alt="丁" />',
      ),
    );
    expectCaught(
      outcome,
      hotelZh,
      '(image in text)',
      /names the image by the absolute path \/usr\/share\/a\.png/,
    );
    expectCaught(
      outcome,
      hotelZh,
      '(image in text)',
      /names the image by the address https:\/\/example\.com\/b\.jpg/,
    );
    expectCaught(
      outcome,
      hotelZh,
      '(image in text)',
      /names the image by the address file:\/\/\/etc\/c\.jpg/,
    );
    expectCaught(
      outcome,
      hotelZh,
      '(image in text)',
      /names the image by the absolute path \/etc\/d\.jpg/,
    );
  });

  test('56. an image path with a broken %-code (it crashed the check)', async () => {
    const outcome = await checkBroken(hotelText('![大堂](./%E0%A4%A.jpg)'));
    expectCaught(outcome, hotelZh, '(image in text)', /with a broken %-code/);
  });

  test('57. a photo field naming an image outside the content folder', async () => {
    const outcome = await checkBroken((root) =>
      edit(
        root,
        bonfire,
        'image: ./bonfire-song-and-dance.jpg',
        'image: ../../../public/favicon.svg',
      ),
    );
    expectCaught(outcome, bonfire, 'image', /is outside the content folder/);
  });

  test('58. a symbolic link in place of a glossary file (the build published it as a duplicate)', async () => {
    const outcome = await checkBroken((root) =>
      symlink(
        join(root, 'src/content/glossary/six-constants.yaml'),
        join(root, 'src/content/glossary/six-rules.yaml'),
      ),
    );
    expectCaught(outcome, 'src/content/glossary/six-rules.yaml', '(file)', /is a symbolic link/);
  });

  test('59. a symbolic link in place of an image', async () => {
    const jpeg = await photo(800, 600).jpeg().toBuffer();
    const outcome = await checkBroken(async (root) => {
      await writeFile(join(root, 'lobby-outside.jpg'), jpeg);
      await symlink(
        join(root, 'lobby-outside.jpg'),
        join(root, 'src/content/units/zh-cn/2007/lobby.jpg'),
      );
      await hotelText('![平果铝宾馆大堂](./lobby.jpg)')(root);
    });
    expectCaught(outcome, hotelZh, '(image in text)', /symbolic link/);
  });

  test('60. hostile: a YAML alias bomb (it crashed the check without naming the file)', async () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const file = 'src/content/glossary/six-constants.yaml';
    const outcome = await checkBroken(async (root) =>
      writeFile(join(root, file), `${await readFile(join(root, file), 'utf8')}\n${bomb}\n`),
    );
    expectCaught(
      outcome,
      file,
      '(YAML)',
      /uses YAML aliases \(\*name\) that expand to more than 20 copies/,
    );
    expect(outcome.output).toContain('YAML 别名');
  });

  test('61. a 30000×30000 photo is "over 50 megapixels", not "damaged"', async () => {
    // Only the header says 30000×30000 (a real one would be gigabytes): what the check reads first.
    const jpeg = Buffer.from(await photo(800, 600).jpeg().toBuffer());
    const frame = jpeg.findIndex(
      (byte, index) => byte === 0xff && (jpeg[index + 1] === 0xc0 || jpeg[index + 1] === 0xc2),
    );
    jpeg.writeUInt16BE(30000, frame + 5);
    jpeg.writeUInt16BE(30000, frame + 7);
    const outcome = await checkBroken((root) => hotelImage(root, 'huge.jpg', jpeg));
    expectCaught(
      outcome,
      hotelZh,
      '(image in text)',
      /is 30000×30000 \(900 megapixels\), more than the 50 megapixels the build can process/,
    );
    expect(outcome.output).not.toContain('damaged');
  });

  test('62. a content file with a name Windows reserves (con, aux, nul, com1, lpt1, prn)', async () => {
    const outcome = await checkBroken(async (root) => {
      for (const locale of ['zh-cn', 'en'])
        await copyFile(
          join(root, `src/content/units/${locale}/2007/hotel.mdx`),
          join(root, `src/content/units/${locale}/2007/con.mdx`),
        );
    });
    expectCaught(
      outcome,
      'src/content/units/zh-cn/2007/con.mdx',
      '(file name)',
      /"con" is a device name reserved by Windows/,
    );
  });

  test('63. an MDX file saved with a byte-order mark and CRLF line endings is accepted', async () => {
    const outcome = await checkBroken(async (root) => {
      const text = await readFile(join(root, hotelZh), 'utf8');
      await writeFile(join(root, hotelZh), `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    });
    expect(outcome.code, outcome.output).toBe(0);
  });

  test('every problem is printed at once', async () => {
    const outcome = await checkBroken(async (root) => {
      await edit(root, hotelZh, 'kind: business-unit', 'kind: factory');
      await edit(root, metrics, '    value: 71\n', '    value: 120\n');
      await unlink(join(root, 'src/content/units/en/2007/hospital.mdx'));
    });
    // The three mistakes, and what follows from them: the hotel's translation is now out of date,
    // and the English report highlights a unit that no longer exists in English.
    expect(outcome.output).toContain('Content check found 5 problems');
    expectCaught(outcome, hotelZh, 'kind');
    expectCaught(outcome, metrics, 'figures.1.value');
    expectCaught(outcome, 'src/content/units/zh-cn/2007/hospital.mdx', '(counterpart)');
    expectCaught(outcome, hotelEn, 'sourceHash');
    expectCaught(outcome, 'src/content/reports/en/2007.mdx', '<Highlight unit>');
  });
});
