import { join } from 'node:path';
import { mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { resolveContentImage, isReservedWindowsName } from '../../src/model/content-paths';
import {
  findMdxViolations,
  formatMdxViolations,
  isForbiddenUrl,
  urlScheme,
} from '../../src/model/mdx-allowlist';

const violations = (body: string) =>
  findMdxViolations(mdxToMdast(body, { features: { headingAttributes: true } }));
const constructs = (body: string) => violations(body).map((v) => v.construct);

describe('the MDX allowlist', () => {
  test('accepts what the report and unit pages use: Markdown, the components with literal props, listed HTML', () => {
    const body = [
      '## 一、基本做法 {#basics}',
      '',
      '**粗体**、*斜体*、[链接](/glossary/) 和 [外链](https://example.com/)。',
      '',
      '<Metric id="teams.excellentRate" /> <Metric id="targets.excellentTeams" bare /> ' +
        '<Metric id="teams.total" year={2007} />',
      '',
      '<Highlight unit="hotel">平果铝宾馆……</Highlight>',
      '',
      '<ReportQuote year={2007} unit="hotel">引文</ReportQuote> <UnitLink unit="hotel">宾馆</UnitLink>',
      '',
      '<strong>重点</strong> <span class="note" lang="en">note</span> <a href="#basics">上文</a> ![大堂](./lobby.jpg)',
      '',
      '| 甲 | 乙 |',
      '| --- | --- |',
      '| 1 | 2 |',
    ].join('\n');
    expect(violations(body)).toEqual([]);
  });

  test('refuses ESM and every {…} expression, with the line', () => {
    const found = violations(
      "import fs from 'node:fs'\nexport const a = 1\n\n文字 {process.env.HOME}\n\n{(()=>{while(true){}})()}",
    );
    expect(found.map((v) => [v.construct, v.line])).toEqual([
      ['import …', 1],
      ['{…}', 4],
      ['{…}', 6],
    ]);
    // import and export in one block are reported once, by its first keyword; export alone says export.
    expect(constructs('export const a = 1')).toEqual(['export …']);
  });

  test('refuses forbidden elements in any letter case, and says why', () => {
    for (const tag of [
      'script',
      'sCript',
      'STYLE',
      'iFrame',
      'object',
      'embed',
      'fOrm',
      'bAse',
      'meta',
      'Link',
    ]) {
      const [found] = violations(`<${tag}>x</${tag}>`);
      expect(found?.construct, tag).toBe(`<${tag}>`);
      expect(found?.en.message).toContain('not allowed in content');
      expect(found?.zh.message).toContain('不允许');
    }
  });

  test('refuses event handlers, unknown attributes and tags, and expressions in props', () => {
    expect(constructs('<img src="./a.jpg" alt="a" onerror="x()" />')).toEqual(['onerror=']);
    expect(constructs('<span OnMouseOver="x()">a</span>')).toEqual(['OnMouseOver=']);
    expect(constructs('<span style="color:red">a</span>')).toEqual(['style=']);
    expect(constructs('<marquee>a</marquee>')).toEqual(['<marquee>']);
    expect(constructs('<Strong>a</Strong>')).toEqual(['<Strong>']);
    expect(constructs('<UnitLink unit={"ho"+"tel"}>a</UnitLink>')).toEqual(['unit={…}']);
    expect(constructs('<UnitLink {...props}>a</UnitLink>')).toEqual(['<UnitLink {…}>']);
    expect(constructs('<span title={"x"}>a</span>')).toEqual(['title={…}']);
    expect(constructs('<UnitLink unit="hotel" onClick="x">a</UnitLink>')).toEqual(['onClick=']);
    expect(constructs('<Chart />')).toEqual(['<Chart>']);
  });

  test('refuses javascript:, data: and vbscript: addresses, however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      ' javascript:x',
      'java\tscript:x',
      'jav&#x61;script:x',
      'javascript&colon;x',
      '&#106;avascript:x',
      'data:text/html,x',
      'VBScript:x',
    ]) {
      expect(isForbiddenUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://example.com/',
      '/glossary/',
      './a.jpg',
      '#basics',
      'mailto:a@example.com',
      'javascript-notes.html',
    ]) {
      expect(isForbiddenUrl(url), url).toBe(false);
    }
    expect(urlScheme('HTTPS://x')).toBe('https');
    expect(
      constructs(
        '[a](javascript:alert(1)) <a href="JaVa&#115;cript:1">b</a> ![c](data:image/png;base64,AA)',
      ),
    ).toEqual(['javascript:', 'javascript:', 'data:']);
  });

  test('formats one bilingual message per construct, with file and line', () => {
    const text = formatMdxViolations(
      'src/content/units/zh-cn/hotel.mdx',
      violations('\n\n<script>x</script>'),
    );
    expect(text).toContain('src/content/units/zh-cn/hotel.mdx:3 <script>');
    expect(text).toContain('改法：');
    expect(text).toContain('Fix: ');
  });
});

describe('image paths', () => {
  const content = '/project/src/content';
  const from = join(content, 'units/zh-cn/hotel.mdx');

  test('a relative path inside the content folder resolves', () => {
    expect(resolveContentImage('./lobby.jpg', from, content)).toEqual({
      ok: true,
      path: join(content, 'units/zh-cn/lobby.jpg'),
    });
    expect(resolveContentImage('../../photos/a%20b.jpg', from, content)).toEqual({
      ok: true,
      path: join(content, 'photos/a b.jpg'),
    });
  });

  test('escapes, absolute paths, addresses and broken %-codes are refused, each with its own message', () => {
    const refusal = (reference: string) => {
      const result = resolveContentImage(reference, from, content);
      return result.ok ? 'ok' : result.en.message;
    };
    expect(refusal('../../../../usr/share/a.png')).toMatch(/outside the content folder/);
    expect(refusal('/usr/share/a.png')).toMatch(/absolute path/);
    expect(refusal('C:\\photos\\a.jpg')).toMatch(/absolute path/);
    expect(refusal('//example.com/a.jpg')).toMatch(/absolute path/);
    expect(refusal('https://example.com/a.jpg')).toMatch(/by the address https:/);
    expect(refusal('file:///etc/a.jpg')).toMatch(/by the address file:/);
    expect(refusal('./%E0%A4%A.jpg')).toMatch(/broken %-code/);
  });

  test('names Windows reserves are recognised whatever their case', () => {
    for (const name of ['con', 'CON', 'aux', 'nul', 'com1', 'lpt1', 'prn', 'lpt9'])
      expect(isReservedWindowsName(name), name).toBe(true);
    for (const name of ['console', 'hotel', 'com', 'null', 'lpt10'])
      expect(isReservedWindowsName(name), name).toBe(false);
  });
});
