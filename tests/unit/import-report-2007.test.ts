// THE 2007 TEST: the 2007 summary as a Word document (rebuilt from the published report's own
// structure and text, figures written out as numbers) and as the source text copied out of the
// magazine (sources/2007/magazine-spread.txt) import into drafts whose text equals the published
// report's (anchors and Metric ids aside: each <Metric> compared by its value), with every figure the
// published report binds bound again, without help.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDocx } from '../../src/import/report/docx-reader';
import { importReport, type ImportResult } from '../../src/import/report/import-report';
import { readPlainText } from '../../src/import/report/text-reader';
import { splitFrontmatter } from '../../src/model/translation';
import { projectRoot } from '../support/build-site';
import { docx2007, figureTexts, published2007, readerBlocks } from '../support/report-documents';

const published = published2007();
const publishedValues = figureTexts(published.figures);
const publishedText = readerBlocks(published.zh, publishedValues);

/** The value each <Metric> of a report shows, in order. */
function metricValues(mdx: string, values: ReturnType<typeof figureTexts>): string[] {
  return [...mdx.matchAll(/<Metric id="([^"]+)"( bare)? \/>/g)].map(([, id, bare]) => {
    const value = values.get(id ?? '');
    return (bare ? value?.bare : value?.text) ?? `(unknown ${id})`;
  });
}

function expectSameAsPublished(result: ImportResult) {
  expect(result.problems).toEqual([]);
  const values = figureTexts(result.figures);
  expect(readerBlocks(result.zh, values)).toEqual(publishedText);
  // Every figure the published report binds is bound, to the same value, in the same place.
  expect(metricValues(result.zh, values)).toEqual(metricValues(published.zh, publishedValues));
  // And nothing is left typed by hand: the draft passes the prose check (result.problems is empty).
  expect(result.counts.figuresBound).toBe(result.counts.figuresFound);
  // The English draft has the same structure, anchors and <Metric>s.
  const anchors = (mdx: string) => [...mdx.matchAll(/^#+ .*\{#([a-z0-9-]+)\}$/gm)].map((m) => m[1]);
  const body = (mdx: string) => splitFrontmatter(mdx).body;
  expect(anchors(result.en)).toEqual(anchors(result.zh));
  expect(body(result.en).match(/<Metric [^>]*\/>/g)).toEqual(
    body(result.zh).match(/<Metric [^>]*\/>/g),
  );
}

describe('importing the 2007 summary', () => {
  for (const options of [
    { headingStyles: false },
    { headingStyles: true },
    { headingStyles: false, softBreaksEvery: 21 },
  ]) {
    test(`from a .docx (${JSON.stringify(options)}) gives the published text and binds every figure`, async () => {
      const document = await docx2007(options);
      const started = performance.now();
      const { blocks, images } = await readDocx(document);
      const result = await importReport({
        year: 2010,
        sourceName: '2007.docx',
        blocks,
        images,
        captions: [],
      });
      const took = performance.now() - started;
      expectSameAsPublished(result);
      expect(result.front).toEqual({
        title: '平果铝业公司2007年度班组建设暨“五好”科（部）室工作总结',
        slogan: '打基础 强素质 促管理 树形象',
        author: '李兵',
        authorRole: '公司党委副书记',
      });
      expect(result.counts).toMatchObject({
        sections: 6,
        subsections: 4,
        listItems: 14,
        shares: 2,
        sharesChecked: 2,
      });
      // Measured, not asserted (speed is measured in benchmarks, never by wall-clock assertions).
      console.log(
        `2007 .docx ${JSON.stringify(options)}: import ${took.toFixed(0)} ms; ` +
          `${result.counts.figuresBound} of ` +
          `${metricValues(published.zh, publishedValues).length} figures bound without help, ` +
          `${result.declared.length} figures declared (published: ${publishedValues.size})`,
      );
    });
  }

  test(
    'from the magazine text (sources/2007/magazine-spread.txt, ' +
      'as received) gives the published text too',
    async () => {
      const started = performance.now();
      const { blocks, captions } = readPlainText(
        readFileSync(join(projectRoot, 'sources/2007/magazine-spread.txt'), 'utf8'),
      );
      const result = await importReport({
        year: 2010,
        sourceName: 'magazine-spread.txt',
        blocks,
        images: [],
        captions,
      });
      const took = performance.now() - started;
      expectSameAsPublished(result);
      // Title, slogan and author are printed after the body in the magazine.
      expect(result.front.title).toBe('平果铝业公司2007年度班组建设暨“五好”科（部）室工作总结');
      expect(result.front.author).toBe('李兵');
      // The six photo captions of the spread are set apart (▲ and arrows dropped), not lost.
      expect(captions).toHaveLength(6);
      expect(captions[0]).toBe(
        '生活服务公司表演的音乐剧《新黄世仁与白毛女》诙谐幽默，令观众捧腹大笑。',
      );
      expect(captions.join('')).not.toMatch(/[▲茛荩]/);
      console.log(
        `2007 .txt: import ${took.toFixed(0)} ms; ${result.counts.figuresBound} figures bound without help`,
      );
    },
  );

  test('the share figures are declared as shares of the right counts and agree with the published values', async () => {
    const { blocks, images } = await readDocx(await docx2007());
    const result = await importReport({
      year: 2010,
      sourceName: '2007.docx',
      blocks,
      images,
      captions: [],
    });
    const values = figureTexts(result.figures);
    const shares = result.declared.filter((f) => f.share);
    expect(shares.map((f) => values.get(f.id)?.text)).toEqual(['66%', '99%']);
    expect(
      shares.map((f) => [
        values.get(f.share?.part ?? '')?.text,
        values.get(f.share?.of ?? '')?.text,
      ]),
    ).toEqual([
      ['71', '108'],
      ['107', '108'],
    ]);
  });
});
