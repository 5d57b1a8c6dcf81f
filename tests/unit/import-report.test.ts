// The report importer's pure parts, one behaviour at a time: what a file really is, how text
// copied out of a PDF is rejoined, the report's structure, figures and shares, and MDX escaping.
import { describe, expect, test } from 'vitest';
import { headingAnchor } from '../../src/import/report/anchors';
import { sniffDocument } from '../../src/import/report/file-kind';
import { FigureBinder, findFigureSpans } from '../../src/import/report/figures';
import { importReport } from '../../src/import/report/import-report';
import { escapeMdx } from '../../src/import/report/render';
import { splitRunTogetherItems, structure } from '../../src/import/report/structure';
import { joinLines } from '../../src/import/report/text';
import { dropTypesettingSpaces, readPlainText } from '../../src/import/report/text-reader';
import type { Block } from '../../src/import/report/blocks';

const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const bytes = (...parts: Array<number[] | string | Buffer>) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))),
  );
const paragraphs = (...texts: string[]): Block[] =>
  texts.map((text) => ({ type: 'paragraph', text }));

describe('what a file really is', () => {
  test('an old binary .doc or .wps, or a .docx that is one, is refused with "save it as .docx"', () => {
    for (const name of ['总结.doc', '总结.wps', '总结.docx']) {
      const result = sniffDocument(name, bytes(ole2, Buffer.alloc(600)));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.refusal.zh).toContain('Word 文档（*.docx）');
        expect(result.refusal.en).toMatch(/old binary Word\/WPS file.*Save As/);
      }
    }
  });

  test('a password-protected .docx (an OLE2 container with EncryptionInfo) asks for the password to be removed', () => {
    const result = sniffDocument(
      '总结.docx',
      bytes(ole2, Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le')),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal.zh).toContain('密码');
      expect(result.refusal.en).toContain('protected by a password');
    }
  });

  test('a .docx that is not a zip, or a zip that is not a Word document, says what it is', () => {
    const text = sniffDocument('总结.docx', bytes('这是纯文本，不是 Word 文档'));
    const pdf = sniffDocument('总结.docx', bytes('%PDF-1.7 …'));
    const excel = sniffDocument('总结.docx', bytes([0x50, 0x4b, 0x03, 0x04], 'xl/workbook.xml'));
    expect(text.ok || text.refusal.en).toMatch(/named \.docx but is a file of unknown kind/);
    expect(pdf.ok || pdf.refusal.en).toMatch(/named \.docx but is a PDF file/);
    expect(excel.ok || excel.refusal.zh).toContain('Excel');
    expect(
      sniffDocument('总结.docx', bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml')).ok,
    ).toBe(true);
  });

  test('an empty file, another extension, and a .txt that is really a PDF are refused', () => {
    for (const [name, content, words] of [
      ['总结.docx', bytes(), 'empty'],
      ['总结.pdf', bytes('%PDF'), 'reads Word documents (.docx) and plain text (.txt) only'],
      ['总结.txt', bytes('%PDF-1.4'), 'named .txt but is a PDF file'],
    ] as const) {
      const result = sniffDocument(name, content);
      expect(result.ok ? '' : result.refusal.en, name).toContain(words);
    }
  });

  test('a .txt is read as UTF-8, or as GB18030 (what Chinese Windows saves)', () => {
    const utf8 = sniffDocument('a.txt', bytes('\ufeff一、基本做法'));
    expect(utf8.ok && utf8.kind === 'txt' && utf8.text).toBe('一、基本做法');
    const gb = sniffDocument(
      'a.txt',
      new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xf9, 0xb1, 0xbe]),
    );
    expect(gb.ok && gb.kind === 'txt' && [gb.text, gb.encoding]).toEqual(['一、基本', 'gb18030']);
  });
});

describe('text copied out of a PDF', () => {
  test('soft line breaks join without a space between Chinese characters, with one between words', () => {
    expect(joinLines('班组建设的活力和热', '情。')).toBe('班组建设的活力和热情。');
    expect(joinLines('Five-Good', 'offices')).toBe('Five-Good offices');
    expect(joinLines('共有', '108个')).toBe('共有108个');
  });

  test('lines broken mid-sentence are joined, even across a blank line; a short line ends its paragraph', () => {
    const { blocks } = readPlainText(
      [
        '一、基本做法和验收情况',
        '平果铝医院急诊护理班的五星级护士评比活',
        '',
        '动，儿科护理组的“温馨”服务，深得患者的好评。',
        '在“五好”科部室建设活动，把理顺管理程序、提升',
        '管理水平。',
        '生活服务公司领导亲自挂帅，以联系人制度',
        '和责任分片包干为手段，狠抓落实，工作整体推进',
        '有序。',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.text)).toEqual([
      '一、基本做法和验收情况',
      '平果铝医院急诊护理班的五星级护士评比活动，儿科护理组的“温馨”服务，深得患者的好评。在“五好”科部室建设活动，把理顺管理程序、提升管理水平。',
      '生活服务公司领导亲自挂帅，以联系人制度和责任分片包干为手段，狠抓落实，工作整体推进有序。',
    ]);
  });

  test('▲ and arrow marks before captions are dropped and the captions set apart from the text', () => {
    const { blocks, captions } = readPlainText(
      '财务部坚持每月考核打分和持续改进。\n ▲生活服务公司表演的音乐剧《新黄世仁\n与白毛女》诙谐幽默。\n\n茛舞蹈《小城雨巷》。\n→ 长跑比赛。',
    );
    expect(blocks.map((b) => b.text)).toEqual(['财务部坚持每月考核打分和持续改进。']);
    expect(captions).toEqual([
      '生活服务公司表演的音乐剧《新黄世仁与白毛女》诙谐幽默。',
      '舞蹈《小城雨巷》。',
      '长跑比赛。',
    ]);
  });

  test('typesetting spaces between Chinese and digits go; spaces between Chinese words stay', () => {
    expect(dropTypesettingSpaces('2007年 1月，发现的 18个问题')).toBe('2007年1月，发现的18个问题');
    expect(dropTypesettingSpaces('打基础 强素质 促管理 树形象')).toBe(
      '打基础 强素质 促管理 树形象',
    );
  });
});

describe('the structure of a report', () => {
  test('一、 is a section, （一） a subsection, 1. and 1、 numbered items, with or without heading styles', () => {
    const doc = structure([
      ...paragraphs('一、基本做法和验收情况', '正文第一段。'),
      { type: 'paragraph', text: '二、取得成效', style: 'h1' },
      ...paragraphs('（一）班组建设工作主要成效', '1.激发了活力。', '2、提升了素质。'),
      { type: 'paragraph', text: '（二）科室工作主要成效', style: 'h2' },
      { type: 'paragraph', text: '管理程序更加规范。', listNumber: 1 },
    ]);
    expect(doc.noSections).toBe(false);
    expect(doc.body).toEqual([
      { type: 'heading', level: 2, text: '一、基本做法和验收情况', anchor: 'basics' },
      { type: 'paragraph', text: '正文第一段。' },
      { type: 'heading', level: 2, text: '二、取得成效', anchor: 'results' },
      { type: 'heading', level: 3, text: '（一）班组建设工作主要成效', anchor: 'results-teams' },
      {
        type: 'list',
        items: [
          { number: 1, text: '激发了活力。' },
          { number: 2, text: '提升了素质。' },
        ],
      },
      { type: 'heading', level: 3, text: '（二）科室工作主要成效', anchor: 'results-offices' },
      { type: 'list', items: [{ number: 1, text: '管理程序更加规范。' }] },
    ]);
  });

  test(
    'a subsection that runs into its paragraph keeps its ' +
      'heading sentence in bold; items run together are split',
    () => {
      const doc = structure(
        paragraphs('六、总体要求', '（一）要提升境界，深化认识。大家要破除旧思想。'),
      );
      expect(doc.body[1]).toEqual({
        type: 'paragraph',
        runIn: '（一）要提升境界，深化认识。',
        text: '大家要破除旧思想。',
      });
      expect(splitRunTogetherItems(1, '力度减弱。原因在此。2.制度少。3.记录缺项。')).toEqual([
        { number: 1, text: '力度减弱。原因在此。' },
        { number: 2, text: '制度少。' },
        { number: 3, text: '记录缺项。' },
      ]);
    },
  );

  test(
    'title, slogan and author lines become front matter ' +
      'where the document has them, before or after the text',
    () => {
      const before = structure(
        paragraphs(
          '打基础 强素质 促管理 树形象',
          '———平果铝业公司2009年度班组建设工作总结',
          '公司党委副书记 李兵',
          '一、基本做法',
          '正文。',
        ),
      );
      expect(before.front).toEqual({
        slogan: '打基础 强素质 促管理 树形象',
        title: '平果铝业公司2009年度班组建设工作总结',
        author: '李兵',
        authorRole: '公司党委副书记',
      });
      const after = structure(
        paragraphs('一、基本做法', '正文。', '平果铝业公司2009年度工作总结', '2010年1月8日'),
      );
      expect(after.front).toEqual({ title: '平果铝业公司2009年度工作总结', date: '2010-01-08' });
      expect(after.body).toHaveLength(2);
      expect(structure(paragraphs('一、基本做法', '正文。')).front).toEqual({});
    },
  );

  test('a document with no recognisable sections becomes one section, flagged', () => {
    const doc = structure(paragraphs('今年我们做了很多工作。', '明年继续努力。'));
    expect(doc.noSections).toBe(true);
    expect(doc.body[0]).toEqual({ type: 'heading', level: 2, text: '正文', anchor: 'body' });
  });

  test('anchors are ASCII, stable and unique: known words, else the section number', () => {
    const used = new Set<string>();
    expect(headingAnchor('五、存在不足', 2, undefined, 5, used)).toBe('shortcomings');
    expect(headingAnchor('七、其他', 2, undefined, 7, used)).toBe('section-7');
    expect(headingAnchor('（一）班组方面', 3, 'shortcomings', 1, used)).toBe('shortcomings-teams');
    expect(headingAnchor('（二）又一个班组方面', 3, 'shortcomings', 2, used)).toBe(
      'shortcomings-teams-2',
    );
    expect(headingAnchor('（三）其他', 3, 'shortcomings', 3, used)).toBe('shortcomings-3');
  });
});

describe('figures in the text', () => {
  test('counts with their counter word and percentages are found; dates and ordinary words are not', () => {
    const spans = findFigureSpans(
      '2007年1月，现有108个班组，优秀71个，占66％；三十个问题；一个契机；9月；12.5%',
    );
    expect(spans.map((s) => [s.kind, s.value, s.counter ?? ''])).toEqual([
      ['count', 108, '个'],
      ['count', 71, '个'],
      ['percent', 66, ''],
      ['count', 30, '个'],
      ['percent', 12.5, ''],
    ]);
  });

  test('a share stated beside its part and whole is declared as a share and checked (half up)', () => {
    const binder = new FigureBinder();
    binder.enterSection('basics');
    const segments = binder.bind(
      '公司现有的108个班组，优秀班组71个，占公司班组总数的66%；合格以上班组107个，占公司班组总数的99%。',
    );
    expect(binder.figures.map((f) => [f.id, f.value ?? f.share])).toEqual([
      ['basics.teams1', 108],
      ['basics.teams2', 71],
      ['basics.share1', { part: 'basics.teams2', of: 'basics.teams1' }],
      ['basics.teams3', 107],
      ['basics.share2', { part: 'basics.teams3', of: 'basics.teams1' }],
    ]);
    expect(binder.figures[1]?.counter).toEqual({ zh: '个', en: 'teams' });
    expect(segments.filter((s) => typeof s !== 'string')).toHaveLength(5);
    expect(binder.notes).toEqual([]);
  });

  test('a stated percentage that disagrees with its counts is reported, not silently kept or replaced', () => {
    const binder = new FigureBinder();
    binder.enterSection('basics');
    binder.bind('公司现有的108个班组，优秀班组71个，占公司班组总数的70%。');
    const share = binder.figures[2];
    expect(share?.value).toBe(70);
    expect(share?.share).toBeUndefined();
    expect(share?.disagreement).toEqual({
      stated: 70,
      computed: 66,
      part: 'basics.teams2',
      of: 'basics.teams1',
    });
    expect(binder.notes[0]?.en).toMatch(
      /71\/108 = 65\.74%, which rounds \(half up\) to 66%, but the text says 70%/,
    );
    expect(binder.notes[0]?.zh).toContain('文中写的是 70%');
  });

  test('“50、95、95” quotes the percentages the paragraph states after it, without the % sign', () => {
    const binder = new FigureBinder();
    binder.enterSection('basics');
    const segments = binder.bind(
      '完成了“50、95、95”的目标（使50%以上优秀、95%以上合格、95%以上班组长合格）。',
    );
    const metrics = segments.filter((s) => typeof s !== 'string');
    expect(metrics).toEqual([
      { metric: 'basics.percent1', bare: true },
      { metric: 'basics.percent2', bare: true },
      { metric: 'basics.percent3', bare: true },
      { metric: 'basics.percent1' },
      { metric: 'basics.percent2' },
      { metric: 'basics.percent3' },
    ]);
  });

  test('numbers that are not counts or percentages are left as typed and listed for the editor', () => {
    const binder = new FigureBinder();
    binder.enterSection('basics');
    binder.bind('2007年9月，第3次检查，编号42的设备，3号楼。');
    expect(binder.unbound.map((u) => u.number)).toEqual(['42']);
  });
});

describe('the draft written', () => {
  test(
    'document text is escaped so MDX reads it as text, ' +
      'and the draft passes the MDX allowlist and prose check',
    async () => {
      expect(escapeMdx('a {b} <script> *c* & d &amp; [e](f)')).toBe(
        'a \\{b\\} \\<script\\> \\*c\\* & d \\&amp; \\[e\\](f)',
      );
      const result = await importReport({
        year: 2010,
        sourceName: 'test.docx',
        blocks: paragraphs(
          '一、基本做法 {#evil}',
          '用 {process.exit(1)} 和 <script>alert(1)</script> 写的、<img src=x onerror=alert(1)>，共12个问题。',
          '2007. 不是列表；# 不是标题',
          '- 不是列表项',
        ),
        images: [],
        captions: [],
      });
      expect(result.problems).toEqual([]);
      expect(result.zh).toContain('\\{process.exit(1)\\}');
      expect(result.zh).toContain('共<Metric id="problems.total" />个问题');
      expect(result.zh).toContain('2007\\. 不是列表；\\# 不是标题');
      expect(result.en).toContain('# needs-translation:');
      expect(result.en).toMatch(/^sourceHash: "[0-9a-f]{12}"$/m);
    },
  );

  test('a document with no figures gets one placeholder figure, "not reported" (never 0), and a note', async () => {
    const result = await importReport({
      year: 2010,
      sourceName: 't.docx',
      blocks: paragraphs('一、做法', '没有数字的一段。'),
      images: [],
      captions: [],
    });
    expect(result.problems).toEqual([]);
    expect(result.figures).toContain('value: not reported');
    expect(result.notes.some((n) => n.en.includes('no count or percentage'))).toBe(true);
  });
});
