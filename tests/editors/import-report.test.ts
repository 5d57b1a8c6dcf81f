// `npm run import -- report` on fixture copies of the project: the 2007 summary imported as a new
// year passes `npm run check` as it is written; bad input (old .doc/.wps, a password, an empty or
// mislabelled file, an existing year) is refused in both languages with nothing written; --force
// never replaces a translated English file; the guide's import commands work as written.
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageRun, Paragraph, Table, TableCell, TableRow } from 'docx';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/run';
import { runImport } from '../../src/import/report/cli';
import { projectRoot } from '../support/build-site';
import { copyProject, fingerprintTree, removeFixtures, runScript } from '../support/fixture';
import { docx2007, docxOf } from '../support/report-documents';

afterAll(removeFixtures);

/** Runs the import in-process (what scripts/import.mjs calls) and collects what it prints. */
async function importInto(root: string, args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  // scripts/import.mjs hands the importer the arguments after the kind ("report").
  const code = await runImport(args[0] === 'report' ? args.slice(1) : args, root, (text) =>
    lines.push(text),
  );
  return { code, output: lines.join('\n') };
}

async function check(root: string): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCheck([], root, (text) => lines.push(text));
  return { code, output: lines.join('\n') };
}

describe('npm run import -- report', () => {
  let root: string;
  beforeAll(async () => {
    root = await copyProject('nianjian-import-');
  });

  test(
    'the 2007 summary as a .docx imports as 2010 through the ' +
      'real command, and the draft passes the check as written',
    async () => {
      const document = join(root, '2007年度总结.docx');
      await writeFile(document, await docx2007());
      const result = await runScript(root, 'scripts/import.mjs', [
        'report',
        document,
        '--year',
        '2010',
      ]);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain('章节 Sections: 6');
      expect(result.output).toMatch(/找到 found 15，绑定为 <Metric> bound 15/);
      expect(result.output).toContain('created src/content/reports/zh-cn/2010.mdx');
      expect(result.output).toContain('created src/content/reports/en/2010.mdx');
      expect(result.output).toContain('created src/content/metrics/2010.yaml');
      console.log(
        `import of the 2007 .docx through npm run import: ${/用时 Took ([\d.]+ s)/.exec(result.output)?.[1]}`,
      );
      const zh = await readFile(join(root, 'src/content/reports/zh-cn/2010.mdx'), 'utf8');
      expect(zh).toMatch(/^draft: true$/m);
      expect(await readFile(join(root, 'src/content/reports/en/2010.mdx'), 'utf8')).toMatch(
        /^# needs-translation:/m,
      );
      // The rest of the year: the timeline from the dated sentences, the units the text names
      // (2007's, found by their names) as drafts for 2010, and <UnitLink> around their names.
      const steps = /时间线 Timeline: (\d+) 步/.exec(result.output)?.[1];
      expect(Number(steps), result.output).toBeGreaterThan(0);
      expect(result.output).toContain('created src/content/timelines/2010.yaml');
      expect(await readFile(join(root, 'src/content/timelines/2010.yaml'), 'utf8')).toMatch(
        /^ {6}en: "TO TRANSLATE: /m,
      );
      for (const unit of ['hotel', 'purified-water-plant', 'aluminium-alloy-plant']) {
        expect(result.output).toContain(`created src/content/units/zh-cn/2010/${unit}.mdx`);
        expect(zh).toContain(`<UnitLink unit="${unit}">`);
        const draft = await readFile(
          join(root, `src/content/units/zh-cn/2010/${unit}.mdx`),
          'utf8',
        );
        expect(draft).toMatch(/^draft: true$/m);
      }
      expect(zh).toContain('<UnitLink unit="purified-water-plant">生活服务公司纯净水厂</UnitLink>');
      const checked = await check(root);
      expect(checked.code, checked.output).toBe(0);
    },
  );

  test('an existing year is refused without --force, and nothing is written', async () => {
    const before = await fingerprintTree(join(root, 'src'));
    const document = join(root, '2007年度总结.docx');
    const result = await importInto(root, ['report', document, '--year', '2007']);
    expect(result.code).toBe(1);
    expect(result.output).toContain('2007 年已经有年度总结或数字文件');
    expect(result.output).toContain('2007 already has a report or figures file');
    expect(result.output).toContain('--force');
    expect(await fingerprintTree(join(root, 'src'))).toBe(before);
  });

  test(
    '--force replaces a draft; a published year needs --replace-published as well, ' +
      'and an English file that is already translated is never replaced',
    async () => {
      const copy = await copyProject('nianjian-import-force-');
      const englishBefore = await readFile(join(copy, 'src/content/reports/en/2007.mdx'), 'utf8');
      const document = join(copy, 'summary.docx');
      await writeFile(document, await docx2007());
      // A published year is not replaced by --force alone.
      const before = await fingerprintTree(join(copy, 'src'));
      const refused = await importInto(copy, ['report', document, '--year', '2007', '--force']);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('2007 年的年度总结已经发布');
      expect(refused.output).toContain('the 2007 report is published');
      expect(refused.output).toContain('--replace-published');
      expect(await fingerprintTree(join(copy, 'src'))).toBe(before);
      const result = await importInto(copy, [
        'report',
        document,
        '--year',
        '2007',
        '--force',
        '--replace-published',
      ]);
      expect(result.code, result.output).toBe(0);
      expect(result.output).not.toContain('The English file is a draft');
      expect(result.output).toContain('保留 kept src/content/reports/en/2007.mdx');
      expect(await readFile(join(copy, 'src/content/reports/en/2007.mdx'), 'utf8')).toBe(
        englishBefore,
      );
      expect(await readFile(join(copy, 'src/content/reports/zh-cn/2007.mdx'), 'utf8')).toMatch(
        /^draft: true$/m,
      );
      // An English file that is still the import's untranslated draft is replaced.
      const again = await importInto(copy, ['report', document, '--year', '2011']);
      expect(again.code, again.output).toBe(0);
      const forced = await importInto(copy, ['report', document, '--year', '2011', '--force']);
      expect(forced.output).toContain('created src/content/reports/en/2011.mdx');
      expect(forced.output).not.toContain('kept src/content/reports');
      // The timeline and the units' entries are the editor's once written: never replaced.
      expect(forced.output).toContain('kept the existing src/content/timelines/2011.yaml');
      expect(forced.output).toContain('保留 kept src/content/units/zh-cn/2011/hotel.mdx');
    },
  );

  describe('bad input: a clear message in both languages, nothing written', () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const cases: Array<[string, string, () => Promise<Buffer>, RegExp, RegExp]> = [
      [
        'an old binary .doc',
        '总结.doc',
        async () => Buffer.concat([ole2, Buffer.alloc(1024)]),
        /另存为.*\*\.docx/,
        /old binary Word\/WPS file/,
      ],
      [
        'a WPS file',
        '总结.wps',
        async () => Buffer.concat([ole2, Buffer.alloc(1024)]),
        /\.doc\/\.wps 格式/,
        /save it again|Save As/,
      ],
      [
        'a password-protected .docx',
        '总结.docx',
        async () =>
          Buffer.concat([
            ole2,
            Buffer.alloc(512),
            Buffer.from('EncryptionInfo', 'utf16le'),
            Buffer.from('EncryptedPackage', 'utf16le'),
          ]),
        /设有打开密码/,
        /protected by a password/,
      ],
      [
        'a .docx that is really text',
        '总结.docx',
        async () => Buffer.from('一、基本做法\n这是纯文本。'),
        /其实是/,
        /named \.docx but is/,
      ],
      [
        'a .docx that is really a PDF',
        '总结.docx',
        async () => Buffer.from('%PDF-1.7\n…'),
        /PDF 文件/,
        /is a PDF file/,
      ],
      [
        'a damaged .docx (a zip that mammoth cannot read)',
        '总结.docx',
        async () =>
          Buffer.concat([
            Buffer.from([0x50, 0x4b, 0x03, 0x04]),
            Buffer.from('word/document.xml'),
            Buffer.alloc(64),
          ]),
        /无法读取 Word 文档.*另存为新的 \.docx/,
        /cannot read the Word document/,
      ],
      ['an empty file', '总结.docx', async () => Buffer.alloc(0), /空文件/, /is empty \(0 bytes\)/],
      ['an empty Word document', '总结.docx', () => docxOf([]), /没有文字/, /has no text/],
      [
        'a .txt with only blank lines',
        '总结.txt',
        async () => Buffer.from('\n\n  \n'),
        /没有文字/,
        /has no text/,
      ],
    ];
    for (const [what, name, make, zh, en] of cases) {
      test(what, async () => {
        const file = join(root, 'bad', name);
        await import('node:fs/promises').then((fs) =>
          fs.mkdir(join(root, 'bad'), { recursive: true }),
        );
        await writeFile(file, await make());
        const before = await fingerprintTree(join(root, 'src'));
        const result = await importInto(root, ['report', file, '--year', '2012']);
        expect(result.code, result.output).toBe(1);
        expect(result.output).toMatch(zh);
        expect(result.output).toMatch(en);
        expect(result.output).toContain(name);
        expect(await fingerprintTree(join(root, 'src'))).toBe(before);
        expect(existsSync(join(root, 'imported/report-2012'))).toBe(false);
      });
    }

    test('missing or wrong arguments and a missing file', async () => {
      for (const [args, words] of [
        [['report', 'x.docx'], '--year is missing'],
        [['report', 'x.docx', '--year', '07'], 'is not a year'],
        [['report', '--year', '2012'], 'the file to import is missing'],
        [['report', join(root, 'nope.docx'), '--year', '2012'], 'cannot find the file'],
      ] as const) {
        const result = await importInto(root, [...args]);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.output).toContain(words);
        expect(result.output).toMatch(/[\u4e00-\u9fff]/);
      }
    });
  });

  test(
    'a document with no recognisable sections is imported ' +
      'as one section, with a warning, and passes the check',
    async () => {
      const copy = await copyProject('nianjian-import-plain-');
      const file = join(copy, 'plain.docx');
      await writeFile(
        file,
        await docxOf(['今年我们组织了12次安全检查，发现问题30个。', '明年继续努力。']),
      );
      const result = await importInto(copy, ['report', file, '--year', '2013']);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain('no sections were recognised');
      expect(result.output).toContain('no title line found');
      expect(await readFile(join(copy, 'src/content/reports/zh-cn/2013.mdx'), 'utf8')).toContain(
        '## 正文 {#body}',
      );
      const checked = await check(copy);
      expect(checked.code, checked.output).toBe(0);
    },
  );

  test('tables become MDX tables; images are saved in the import folder and listed, not published', async () => {
    const copy = await copyProject('nianjian-import-table-');
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const file = join(copy, 'table.docx');
    await writeFile(
      file,
      await docxOf([
        '一、基本情况',
        '各单位班组情况如下表。',
        new Table({
          rows: [
            new TableRow({ children: [cell('单位'), cell('班组')] }),
            new TableRow({ children: [cell('铝合金厂'), cell('12个')] }),
          ],
        }) as unknown as Paragraph,
        new Paragraph({
          children: [
            new ImageRun({ type: 'png', data: png, transformation: { width: 40, height: 30 } }),
          ],
        }),
        '图为检查现场。',
      ]),
    );
    const result = await importInto(copy, ['report', file, '--year', '2014']);
    expect(result.code, result.output).toBe(0);
    const zh = await readFile(join(copy, 'src/content/reports/zh-cn/2014.mdx'), 'utf8');
    expect(zh).toContain(
      '| 单位 | 班组 |\n| --- | --- |\n| 铝合金厂 | <Metric id="teams.total2014" />个 |',
    );
    expect(zh).not.toMatch(/image-1|<img|!\[/);
    expect(await readdir(join(copy, 'imported/report-2014'))).toEqual(['README.md', 'image-1.png']);
    expect(result.output).toContain('imported/report-2014/image-1.png');
    const checked = await check(copy);
    expect(checked.code, checked.output).toBe(0);
  });
});

describe("the editors' guide: the import commands", () => {
  /** Lines of the guide's ```sh blocks that start with `npm run import`. */
  async function guideCommands(file: string): Promise<string[]> {
    const markdown = await readFile(join(projectRoot, file), 'utf8');
    return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)]
      .flatMap((match) => (match[1] ?? '').split('\n'))
      .filter((line) => line.startsWith('npm run import -- report'));
  }

  test('both languages give the same commands, and they work as written; the result passes the check', async () => {
    const zh = await guideCommands('docs/editing.zh-CN.md');
    expect(zh.length).toBeGreaterThan(0);
    expect(await guideCommands('docs/editing.en.md')).toEqual(zh);
    const root = await copyProject('nianjian-import-guide-');
    for (const line of zh) {
      const args = line.split(/\s+/).slice(4);
      const document = args[1] ?? '';
      // The editor's document, where the guide says to put it (the project folder).
      if (document.endsWith('.txt'))
        await writeFile(
          join(root, document),
          await readFile(join(projectRoot, 'sources/2007/magazine-spread.txt')),
        );
      else await writeFile(join(root, document), await docx2007());
      // npm gives the script the folder the editor typed the command in (here, the project's).
      const result = await runScript(root, 'scripts/import.mjs', args, { INIT_CWD: root });
      expect(result.code, `${line}\n${result.output}`).toBe(0);
    }
    const checked = await check(root);
    expect(checked.code, checked.output).toBe(0);
  });
});
