import { describe, expect, test } from 'vitest';
// The search feature's pure modules (src/search/): index tokens, query rewriting, ranking,
// excerpts, index-time blocks, glossary records and the status line.
import { withBigramBlocks } from '../../src/search/bigram-blocks';
import {
  bigramToken,
  bigramTokens,
  bigrams,
  hanRuns,
  reachesTokens,
  rewriteQuery,
  stripTokens,
  tokensMatchLiterally,
} from '../../src/search/bigram-tokens';
import { glossaryRecord, searchLanguage } from '../../src/search/glossary-records';
import {
  excerptAround,
  landingAnchor,
  parseExcerpt,
  phraseCounts,
  plainText,
  rankByPhrases,
  sectionStart,
} from '../../src/search/result-ranking';
import { resultStatus } from '../../src/search/status-message';

const token = (pair: string) => bigramToken(pair);

describe('bigrams', () => {
  test('finds the runs of two or more Han characters, joining a segmenter’s spaces', () => {
    expect(hanRuns('平果铝宾馆大力推行“六常法”，即 常 整顿; a 铝 b')).toEqual([
      '平果铝宾馆大力推行',
      '六常法',
      '即常整顿',
    ]);
  });
  test('pairs adjacent characters', () => {
    expect(bigrams('组员轮值')).toEqual(['组员', '员轮', '轮值']);
    expect(bigrams('班组')).toEqual(['班组']);
    expect(bigrams('班')).toEqual([]);
  });
  test('encodes a pair as one lowercase ASCII token of fixed length, astral characters included', () => {
    expect(token('班组')).toBe('zz073ed07ec4');
    expect(token('𠀀中')).toBe('zz2000004e2d');
    expect(() => bigramToken('班')).toThrow(/two characters/);
  });
  test('collects the distinct tokens of a text', () => {
    expect(bigramTokens('班组，班组长')).toEqual([token('班组'), token('组长')]);
    expect(bigramTokens('teams and 铝')).toEqual([]);
  });
  test('strips token blocks and the full stop Pagefind puts after them', () => {
    expect(stripTokens(`平果铝宾馆. ${token('宾馆')} ${token('平果')}. 报告原文.`)).toBe(
      '平果铝宾馆. 报告原文.',
    );
    expect(stripTokens('rotating team')).toBe('rotating team');
    expect(plainText(`组员 轮值   班长制 ${token('组员')}.`)).toBe('组员轮值班长制');
  });
});

describe('query rewriting', () => {
  test('turns Chinese runs into their pair tokens and keeps the literal runs to check', () => {
    expect(rewriteQuery(' 组员轮值 ', 'zh-CN')).toEqual({
      engineQuery: [token('组员'), token('员轮'), token('轮值')].join(' '),
      phrases: ['组员轮值'],
    });
  });
  test('keeps single characters and other words as they are', () => {
    expect(rewriteQuery('铝 50-95-95 班组', 'zh-CN')).toEqual({
      engineQuery: `${token('班组')} 铝 50-95-95`,
      phrases: ['班组'],
    });
  });
  test('knows when the pair tokens alone find exactly the pages with the phrases', () => {
    expect(tokensMatchLiterally(rewriteQuery('班组', 'zh-CN').phrases)).toBe(true);
    expect(tokensMatchLiterally(rewriteQuery('班组 50', 'zh-CN').phrases)).toBe(true);
    // Han characters either side of a space are one run: 宾馆 班组 is the phrase 宾馆班组.
    expect(tokensMatchLiterally(rewriteQuery('宾馆 班组', 'zh-CN').phrases)).toBe(false);
    expect(tokensMatchLiterally(rewriteQuery('hotel', 'en').phrases)).toBe(true);
    // Three characters are two pairs, which a page can have out of order; `zz` reaches the tokens.
    expect(tokensMatchLiterally(rewriteQuery('六常法', 'zh-CN').phrases)).toBe(false);
    expect(tokensMatchLiterally(rewriteQuery('宾馆 zz', 'zh-CN').phrases)).toBe(false);
  });
  test('leaves English queries to Pagefind’s stemming', () => {
    expect(rewriteQuery('rotating teams', 'en')).toEqual({
      engineQuery: 'rotating teams',
      phrases: [],
    });
  });
  test('knows which typed words Pagefind would match against the hidden tokens', () => {
    for (const word of ['z', 'zz', 'ZZ0', 'zz073ed07ec4', 'Zz073E', 'zz-1', '1.zz'])
      expect(reachesTokens(word), word).toBe(true);
    for (const word of ['zinc', 'zzz', 'zz073ed07ec4a', 'zzg', 'a', '5S', '班组'])
      expect(reachesTokens(word), word).toBe(false);
  });
  test('makes a word that could reach the tokens a phrase a result must show', () => {
    expect(rewriteQuery('zz', 'zh-CN')).toEqual({ engineQuery: 'zz', phrases: ['zz'] });
    expect(rewriteQuery('班组 ZZ0', 'zh-CN')).toEqual({
      engineQuery: `${token('班组')} ZZ0`,
      phrases: ['班组', 'ZZ0'],
    });
    expect(rewriteQuery('zz', 'en')).toEqual({ engineQuery: 'zz', phrases: [] });
  });
  test('drops results that only the hidden tokens matched', () => {
    const page = (title: string, text: string) => ({ title, text, score: 1 });
    const candidates = [
      page('宾馆', plainText(`平果铝宾馆 ${token('宾馆')}.`)),
      page('锌', 'ZZ0 号样品'),
    ];
    for (const query of ['zz', 'ZZ0', 'zz05']) {
      const { phrases } = rewriteQuery(query, 'zh-CN');
      expect(rankByPhrases([candidates[0]!], phrases), query).toEqual([]);
    }
    expect(
      rankByPhrases(candidates, rewriteQuery('zz0', 'zh-CN').phrases).map(
        (candidate) => candidate.title,
      ),
    ).toEqual(['锌']);
  });
});

describe('status line', () => {
  const templates = {
    none: 'Nothing found for “{query}”.',
    count: { one: '{count} result for “{query}”.', other: '{count} results for “{query}”.' },
    shown: 'Showing the first {shown}.',
    separator: ' ',
  };
  test('shows the query exactly as typed, replacement patterns included', () => {
    for (const query of ['$&', '$`', "$'", '$1', '$$', '{count}', '{query}']) {
      expect(resultStatus(templates, query, 2, 'en')).toBe(`2 results for “${query}”.`);
      expect(resultStatus(templates, query, 0, 'en')).toBe(`Nothing found for “${query}”.`);
    }
  });
  test('takes the plural form from Intl.PluralRules', () => {
    expect(resultStatus(templates, 'team', 1, 'en')).toBe('1 result for “team”.');
    expect(resultStatus(templates, 'team', 20, 'en')).toBe('20 results for “team”.');
    const zh = {
      none: '没有找到与“{query}”相关的内容。',
      count: { other: '找到 {count} 条与“{query}”相关的结果。' },
      shown: '当前显示前 {shown} 条。',
      separator: '',
    };
    expect(resultStatus(zh, '班组', 1, 'zh-CN')).toBe('找到 1 条与“班组”相关的结果。');
  });
});

describe('re-ranking', () => {
  const page = (title: string, text: string, score = 1) => ({ title, text, score });
  test('drops pages that have the characters but not the phrase (out of order)', () => {
    const ranked = rankByPhrases(
      [page('宾馆', '推行组员轮值班长制'), page('术语', '员组')],
      ['员组'],
    );
    expect(ranked.map((candidate) => candidate.title)).toEqual(['术语']);
  });
  test('puts the entry that is the query itself first', () => {
    const ranked = rankByPhrases(
      [page('班组长 · team leader', '班组长'), page('班组 · work team', '班组')],
      ['班组'],
    );
    expect(ranked.map((candidate) => candidate.title)).toEqual([
      '班组 · work team',
      '班组长 · team leader',
    ]);
  });
  test('puts a phrase in the title first, then more occurrences, then Pagefind’s score', () => {
    const ranked = rankByPhrases(
      [page('总结', '班组 班组 班组 班组', 2), page('班组', '班组', 1), page('单位', '班组', 3)],
      ['班组'],
    );
    expect(ranked.map((candidate) => candidate.title)).toEqual(['班组', '总结', '单位']);
  });
  test('keeps Pagefind’s order without phrases', () => {
    const candidates = [page('b', 'x', 1), page('a', 'y', 9)];
    expect(rankByPhrases(candidates, [])).toEqual(candidates);
  });
  test('matches phrases whatever their case, as Pagefind does', () => {
    expect(phraseCounts('ISO 9001 and iso', ['iso'])).toEqual([2]);
    expect(excerptAround('The ISO standard', ['iso'])).toEqual([
      { text: 'The ', marked: false },
      { text: 'ISO', marked: true },
      { text: ' standard', marked: false },
    ]);
  });
  test('counts phrases across a segmenter’s spaces', () => {
    expect(phraseCounts('组员 轮值，组员轮值', ['组员轮值', '宾馆'])).toEqual([2, 0]);
  });
});

describe('excerpts', () => {
  test('marks every occurrence around the first one in the section', () => {
    const text = `${'甲'.repeat(50)}六常法乙常整顿丙六常法${'丁'.repeat(200)}`;
    const parts = excerptAround(text, ['六常法', '常整顿'], 10);
    expect(parts[0]).toEqual({ text: `…${'甲'.repeat(10)}`, marked: false });
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual([
      '六常法',
      '常整顿',
      '六常法',
    ]);
    expect(parts.at(-1)?.text.endsWith('…')).toBe(true);
  });
  test('prefers an occurrence at or after the section start, else the first', () => {
    const text = '班组甲乙丙丁戊己庚辛班组';
    expect(excerptAround(text, ['班组'], 2, 5)[0]).toEqual({ text: '…庚辛', marked: false });
    expect(excerptAround(text, ['宾馆'], 2, 5)).toEqual([{ text: '班组甲乙…', marked: false }]);
  });
  test('reads Pagefind’s excerpt HTML, keeping spaces and removing tokens', () => {
    expect(
      parseExcerpt('the <mark>rotating</mark> team &amp; “<mark>teams</mark>” zz073ed07ec4.'),
    ).toEqual([
      { text: 'the ', marked: false },
      { text: 'rotating', marked: true },
      { text: ' team & “', marked: false },
      { text: 'teams', marked: true },
      { text: '”', marked: false },
    ]);
  });
});

describe('landing anchors', () => {
  const anchors = [
    { id: 'basics', location: 10, text: '一、基本做法' },
    { id: 'highlights', location: 100, text: '三、亮点' },
    { id: 'unit-hotel', location: 120, text: '' },
    { id: 'lessons', location: 200, text: '四、体会' },
  ];
  const at = (...locations: number[]) => locations.map((location) => ({ location, weight: 1 }));
  test('lands on the section whose matches weigh most, the innermost anchor', () => {
    expect(landingAnchor(anchors, at(15, 125, 130))?.id).toBe('unit-hotel');
    expect(landingAnchor(anchors, at(15, 16, 130))?.id).toBe('basics');
    expect(landingAnchor(anchors, [{ location: 15, weight: 6 }, ...at(125, 130)])?.id).toBe(
      'basics',
    );
  });
  test('lands on the page itself when its title weighs most, and on the earlier section on a tie', () => {
    expect(landingAnchor(anchors, [{ location: 2, weight: 7 }, ...at(15, 16)])).toBeUndefined();
    expect(landingAnchor(anchors, [])).toBeUndefined();
    expect(landingAnchor(anchors, at(205, 15))?.id).toBe('basics');
  });
  test('finds where a section starts in the text through the headings before it', () => {
    const text = '标题 一、基本做法 正文 三、亮点 班组 宾馆 四、体会';
    expect(sectionStart(text, anchors, anchors[2])).toBe(text.indexOf('三、亮点'));
    expect(sectionStart(text, anchors, undefined)).toBe(0);
  });
});

describe('index-time bigram blocks', () => {
  const html = [
    '<html lang="zh-CN"><body><nav>导航菜单</nav><article data-pagefind-body>',
    '<h1>平果铝<a href="/x">宾馆</a></h1><div data-pagefind-ignore>目录</div>',
    '<h2 id="a">做法</h2><p>组员轮值</p><div id="unit-hotel"><p>六常法</p></div></article></body></html>',
  ].join('');
  const result = withBigramBlocks(html);
  const blocks = [...result.matchAll(/<p data-search-bigrams[^>]*>([^<]*)<\/p>/g)].map((match) =>
    match[1]?.split(' '),
  );
  test('puts each stretch’s tokens before the next anchor and at the end of the body', () => {
    expect(blocks).toEqual([
      bigramTokens('平果铝宾馆'),
      bigramTokens('做法'),
      bigramTokens('组员轮值'),
      bigramTokens('六常法'),
    ]);
    expect(result).toContain(
      `<p data-search-bigrams data-pagefind-weight="7">${bigramTokens('平果铝宾馆').join(' ')}</p>`,
    );
    expect(result).toContain(
      `<p data-search-bigrams data-pagefind-weight="6">${token('做法')}</p>`,
    );
    expect(result.indexOf(blocks[2]?.[0] ?? '?')).toBeLessThan(
      result.indexOf('<div id="unit-hotel">'),
    );
    expect(result.indexOf(blocks[3]?.[0] ?? '?')).toBeLessThan(result.indexOf('</article>'));
  });
  test('leaves out navigation and ignored parts, and leaves the rest of the page as it was', () => {
    expect(result).not.toContain(token('导航'));
    expect(result).not.toContain(token('目录'));
    expect(result.replace(/<p data-search-bigrams[^>]*>[^<]*<\/p>/g, '')).toBe(html);
  });
  test('does not join text across blocks', () => {
    expect(result).not.toContain(token('馆做'));
  });
});

describe('glossary records', () => {
  const term = {
    zh: '六常法',
    en: 'Six Constants method',
    explanation: { zh: '平果铝宾馆总结提练的方法。', en: 'The method the hotel distilled.' },
    items: [{ zh: '常整顿', en: 'constant tidying' }],
    related: [],
  };
  test('holds the term in both languages and lands on its glossary entry', () => {
    const record = glossaryRecord('six-constants', term, 'en');
    expect(record).toMatchObject({
      url: '/en/glossary/#six-constants',
      language: 'en',
      meta: { title: 'Six Constants method · 六常法' },
      filters: { kind: ['term'] },
    });
    expect(record.content).toContain('六常法');
    expect(record.content).toContain('constant tidying (常整顿)');
    expect(glossaryRecord('six-constants', term, 'zh-cn')).toMatchObject({
      url: '/glossary/#six-constants',
      language: 'zh-cn',
    });
  });
  test('uses the pages’ own language keys', () => {
    expect(searchLanguage('zh-cn')).toBe('zh-cn');
    expect(searchLanguage('en')).toBe('en');
  });
});
