// The report importer's readers and limits, in-process: line ends inside a paragraph, text that is
// not UTF-8 or GB18030, and documents that would take the import's memory or disk (millions of
// paragraphs, zip bombs, one huge image used many times, a FIFO). The documents are made here,
// never committed; limits are lowered where a test would otherwise have to make hundreds of MB.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageRun, Paragraph } from 'docx';
import sharp from 'sharp';
import mammoth from 'mammoth';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  type MockInstance,
  test,
  vi,
} from 'vitest';
import { runImport } from '../../src/import/report/cli';
import { readDocx } from '../../src/import/report/docx-reader';
import { sniffDocument } from '../../src/import/report/file-kind';
import { importReport } from '../../src/import/report/import-report';
import { documentLimits, DocumentRefused } from '../../src/import/report/import-limits';
import { readPlainText } from '../../src/import/report/text-reader';
import { docxOf } from '../support/report-documents';
import { deflatedZeros, docxParts, wordParagraph, zipOf } from '../support/zip-documents';

const MB = 1024 * 1024;
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'nianjian-import-limits-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** What readDocx refuses a document with (English text), or '' when it reads it. */
async function refusalOf(bytes: Uint8Array, limits = documentLimits): Promise<string> {
  try {
    await readDocx(bytes, { file: 'doc.docx', limits });
    return '';
  } catch (error) {
    if (error instanceof DocumentRefused) return `${error.refusal.zh}\n${error.refusal.en}`;
    throw error;
  }
}

/** The real command, in-process, on an empty project folder: exit code, output, files written. */
async function importFile(
  path: string,
): Promise<{ code: number; output: string; written: string[] }> {
  const root = await mkdtemp(join(folder, 'project-'));
  const lines: string[] = [];
  const code = await runImport([path, '--year', '2012'], root, (text) => lines.push(text));
  return { code, output: lines.join('\n'), written: await readdir(root, { recursive: true }) };
}

describe('line ends inside a paragraph', () => {
  test('a carriage return in a Word run (&#13;) joins the paragraph, never starts a heading or list', async () => {
    const docx = zipOf(
      docxParts(
        wordParagraph('一、总体要求') +
          wordParagraph(
            '班组建设要抓好三件事：&#13;1. 学习&#13;# 标题&#13;- 列表&#x2028;二是落实。',
          ),
      ),
    );
    const { blocks } = await readDocx(docx);
    const texts = blocks.map((block) => (block.type === 'paragraph' ? block.text : ''));
    expect(texts).toEqual(['一、总体要求', '班组建设要抓好三件事：1. 学习# 标题- 列表二是落实。']);
    const result = await importReport({
      year: 2012,
      sourceName: 'a.docx',
      blocks,
      images: [],
      captions: [],
    });
    expect(result.zh).not.toMatch(/^\s*(?:#+ 标题|1\. 学习|- 列表)/m);
    expect(result.zh).not.toMatch(/[\r\v\f\u2028\u2029]/);
  });

  test('a .txt with CR, CRLF, U+2028/2029, vertical tabs or form feeds reads as one with LF', () => {
    const lines = [
      '一、基本做法和验收情况',
      '全公司开展了活动。',
      '二、主要成绩',
      '大家都很满意。',
    ];
    const expected = readPlainText(lines.join('\n')).blocks;
    for (const end of ['\r', '\r\n', '\u2028', '\u2029', '\v', '\f', '\u0085']) {
      const { blocks } = readPlainText(lines.join(end));
      expect(blocks, JSON.stringify(end)).toEqual(expected);
      expect(blocks.some((block) => /[\r\v\f\u0085\u2028\u2029]/.test(block.text))).toBe(false);
    }
  });
});

describe('the encoding of a .txt', () => {
  const chinese = '班组建设工作总结：全公司共有优秀班组七十一个，各单位认真开展活动。';
  test('UTF-8, UTF-8 with BOM, UTF-16 with BOM and GB18030 Chinese are read', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
    const gb = new Uint8Array(
      // "班组建设" in GB2312, then ASCII
      [0xb0, 0xe0, 0xd7, 0xe9, 0xbd, 0xa8, 0xc9, 0xe8, 0x20, 0x32, 0x30, 0x30, 0x37],
    );
    for (const [bytes, text, encoding] of [
      [Buffer.from(chinese), chinese, 'utf-8'],
      [Buffer.from(`\ufeff${chinese}`), chinese, 'utf-8'],
      [utf16le, chinese, 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), chinese, 'utf-16be'],
      [gb, '班组建设 2007', 'gb18030'],
    ] as const) {
      const sniffed = sniffDocument('a.txt', new Uint8Array(bytes));
      expect(
        sniffed.ok && sniffed.kind === 'txt' && [sniffed.text, sniffed.encoding],
        encoding,
      ).toEqual([text, encoding]);
    }
  });

  test('Big5 and Shift-JIS, which GB18030 decodes into garbage silently, are refused: "save as UTF-8"', async () => {
    const big5 = Buffer.from(
      'af5ab2d5abd8b35da475a740c160b5b2a147a5fea4bda571a640a6b3c075a871' +
        'af5ab2d5a443a451a440add3a141a655b3e6a6ecbb7baf75b67dae69aca1b0caa143',
      'hex',
    ); // 班組建設工作總結：全公司共有優秀班組七十一個，各單位認真開展活動。
    const shiftJis = Buffer.from(
      '8360815b838082cc8a8893ae95f18d9082c582b7814291538ed082c597448f4782c8' +
        '8360815b838082aa914982ce82ea82dc82b582bd8142',
      'hex',
    ); // チームの活動報告です。全社で優秀なチームが選ばれました。
    for (const [name, bytes] of [
      ['big5.txt', big5],
      ['shift-jis.txt', shiftJis],
    ] as const) {
      const sniffed = sniffDocument(name, new Uint8Array(bytes));
      expect(sniffed.ok, name).toBe(false);
      if (!sniffed.ok) {
        expect(sniffed.refusal.zh).toMatch(/Big5[\s\S]*编码选 UTF-8/);
        expect(sniffed.refusal.en).toMatch(
          /Big5 \(Traditional Chinese\), Shift-JIS[\s\S]*Encoding to UTF-8/,
        );
      }
    }
    const path = join(folder, '2012年度总结.txt');
    await writeFile(path, big5);
    const run = await importFile(path);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/✗ .*UTF-8[\s\S]*✗ .*save, and import that/);
    expect(run.written).toEqual([]);
  });
});

describe('what the document is', () => {
  test('a FIFO, a folder or a device named as the document is refused at once, not waited on', async () => {
    const fifo = join(folder, 'pipe.docx');
    execFileSync('mkfifo', [fifo]);
    const directory = join(folder, 'folder.docx');
    await mkdir(directory);
    for (const [path, words] of [
      [fifo, 'a pipe (FIFO), not a document'],
      [directory, 'a folder, not a document'],
      ['/dev/zero', 'a device, not a document'],
    ] as const) {
      // Judged by what it is, never opened: opening a pipe waits for a writer and reading
      // /dev/zero never ends, so the test's time limit is the guard, not a clock here.
      const run = await importFile(path);
      expect(run.code, path).toBe(1);
      expect(run.output).toContain(words);
      expect(run.output).toMatch(/✗ .*不是文档/);
      expect(run.written).toEqual([]);
    }
  }, 10_000);
});

describe('limits, checked before unpacking', () => {
  // What shows a limit was checked first: mammoth, which would unpack the document whole, is never
  // called for a refused one (a clock would say the same less surely on a busy machine).
  let mammothRead: MockInstance<typeof mammoth.convertToHtml>;
  beforeEach(() => {
    mammothRead = vi.spyOn(mammoth, 'convertToHtml');
  });
  afterEach(() => {
    mammothRead.mockRestore();
  });

  test('a .docx of three million paragraphs is refused at once naming the limit (Node ran out of memory)', async () => {
    const docx = zipOf(docxParts('<w:p/>'.repeat(3_000_000)));
    expect(docx.length).toBeLessThan(1 * MB);
    const path = join(folder, 'paragraphs.docx');
    await writeFile(path, docx);
    const run = await importFile(path);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/✗ .*导入每个文字部件最多接受 16 MB/);
    expect(run.output).toMatch(
      /✗ .*word\/document\.xml unpacks to 17 MB; the import takes text parts of at most 16 MB/,
    );
    expect(run.written).toEqual([]);
    expect(mammothRead).not.toHaveBeenCalled();
  }, 20_000);

  test('paragraphs are counted before mammoth reads them', async () => {
    const docx = zipOf(docxParts(wordParagraph('一段。').repeat(25_000)));
    expect(await refusalOf(docx)).toMatch(
      /25,000 个段落，导入最多接受 20,000 个[\s\S]*has 25,000 paragraphs; the import takes at most 20,000/,
    );
    expect(mammothRead).not.toHaveBeenCalled();
  });

  test('a .docx that says it unpacks to 1 GB is refused from its central directory, nothing unpacked', async () => {
    const parts = docxParts(wordParagraph('正文。'));
    const bomb = zipOf([
      ...parts,
      { name: 'word/media/image1.bmp', data: Buffer.alloc(16), declaredSize: 500 * MB },
      { name: 'customXml/item1.xml', data: Buffer.alloc(16), declaredSize: 1000 * MB },
    ]);
    expect(await refusalOf(bomb)).toMatch(
      new RegExp(
        '图片 word/media/image1\\.bmp 解压后有 500 MB，导入每张图片最多接受 32 MB[\\s\\S]*' +
          'the image word/media/image1\\.bmp unpacks to 500 MB; the import takes images of at most 32 MB each\\. ' +
          'Fix: .*Compress Pictures',
      ),
    );
    const text = zipOf([
      ...parts,
      { name: 'word/styles.xml', data: Buffer.alloc(16), declaredSize: 1000 * MB },
    ]);
    expect(await refusalOf(text)).toMatch(/word\/styles\.xml unpacks to 1000 MB/);
  });

  test('a zip whose parts lie about their size is stopped at the size they declared (256 MB in 256 KB)', async () => {
    const bombData = await deflatedZeros(256 * MB);
    expect(bombData.deflated.length).toBeLessThan(300 * 1024);
    for (const name of ['word/media/image1.png', 'word/document.xml']) {
      const parts = docxParts(wordParagraph('正文。')).filter((part) => part.name !== name);
      const bomb = zipOf([...parts, { name, data: bombData, declaredSize: 1000 }]);
      const memory = process.memoryUsage().rss;
      expect(await refusalOf(bomb)).toMatch(
        new RegExp(
          `damaged or was tampered with: its part ${name.replace(/\./g, '\\.')} unpacks to more than`,
        ),
      );
      expect(mammothRead).not.toHaveBeenCalled();
      expect(process.memoryUsage().rss - memory).toBeLessThan(100 * MB);
    }
  }, 20_000);

  test('images each and in all, and every part together, within their limits', async () => {
    const small = {
      ...documentLimits,
      imageBytes: 2 * MB,
      imagesBytes: 3 * MB,
      inflatedBytes: 4 * MB,
    };
    const image = (n: number, size: number) => ({
      name: `word/media/image${n}.png`,
      data: Buffer.alloc(size),
    });
    const body = docxParts(wordParagraph('正文。'));
    expect(await refusalOf(zipOf([...body, image(1, 3 * MB)]), small)).toMatch(
      /at most 2\.0 MB each/,
    );
    expect(await refusalOf(zipOf([...body, image(1, 2 * MB), image(2, 2 * MB)]), small)).toMatch(
      /its images unpack to 4\.0 MB in all; the import takes at most 3\.0 MB/,
    );
    const xml = { name: 'word/extra.xml', data: Buffer.alloc(2 * MB) };
    expect(await refusalOf(zipOf([...body, image(1, 2 * MB), image(2, MB), xml]), small)).toMatch(
      /unpacks to 5\.0 MB in all; the import takes at most 4\.0 MB/,
    );
    const many = { ...documentLimits, zipEntries: 10 };
    const entries = Array.from({ length: 11 }, (_, n) => image(n, 1));
    expect(await refusalOf(zipOf([...body, ...entries]), many)).toMatch(
      /holds 14 parts \(zip entries\); the import takes at most 10/,
    );
  });

  test('an image the text uses four times is taken out once', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#c33' },
    })
      .png()
      .toBuffer();
    const picture = () =>
      new Paragraph({
        children: [
          new ImageRun({ type: 'png', data: png, transformation: { width: 40, height: 30 } }),
        ],
      });
    const docx = await docxOf(['正文。', picture(), picture(), picture(), picture()]);
    const { blocks, images } = await readDocx(docx);
    expect(images.map((image) => image.file)).toEqual(['image-1.png']);
    expect(blocks.filter((block) => block.type === 'image').map((block) => block.file)).toEqual([
      'image-1.png',
      'image-1.png',
      'image-1.png',
      'image-1.png',
    ]);
  });

  test('a document file over its size limit is refused before it is read', async () => {
    const path = join(folder, 'large.txt');
    await writeFile(path, '');
    execFileSync('truncate', ['-s', String(documentLimits.txtFileBytes + 1), path]);
    const run = await importFile(path);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /✗ .*导入只读不超过 4\.0 MB 的 \.txt[\s\S]*✗ .*the import reads a \.txt of at most 4\.0 MB/,
    );
  });

  test('a .txt of more paragraphs than the limit is refused too', async () => {
    const path = join(folder, 'many.txt');
    await writeFile(path, '一段。\n\n'.repeat(documentLimits.paragraphs + 1));
    const run = await importFile(path);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/has 20,001 paragraphs; the import takes at most 20,000/);
    expect(run.written).toEqual([]);
  });

  test('a zip cut short or with a broken directory is refused as damaged, before mammoth', async () => {
    const whole = zipOf(docxParts(wordParagraph('正文。')));
    for (const damaged of [
      whole.subarray(0, whole.length - 30),
      Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.from('word/document.xml'),
        Buffer.alloc(64),
      ]),
    ])
      expect(await refusalOf(damaged)).toMatch(
        /无法读取 Word 文档 doc\.docx（zip 结构已损坏[\s\S]*cannot read the Word document doc\.docx \(damaged zip/,
      );
  });

  test('the 2007-sized document is far inside every limit', async () => {
    const docx = zipOf(
      docxParts(wordParagraph('平果铝业公司班组建设工作总结。'.repeat(10)).repeat(300)),
    );
    expect(await refusalOf(docx)).toBe('');
    // The watch on mammoth sees a document it reads: its silence above means something.
    expect(mammothRead).toHaveBeenCalledTimes(1);
  });
});
