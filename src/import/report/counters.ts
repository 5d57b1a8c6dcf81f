// The English counter noun of a count, from the Chinese noun counted (108个班组 → teams). A guess
// the editor can correct in the figures file; the Chinese counter word is the document's own.

const nouns: ReadonlyArray<[RegExp, string]> = [
  [/班组长/, 'leaders'],
  [/班组|团队|小组/, 'teams'],
  [/问题|隐患/, 'problems'],
  [/科（部）室|科\(部\)室|科部室|科室|部室|处室/, 'offices'],
  [/部门/, 'departments'],
  [/单位|企业|公司|厂/, 'units'],
  [/员工|职工|人员|党员|干部|人|名/, 'people'],
  [/项目/, 'projects'],
  [/活动/, 'activities'],
  [/会议|会/, 'meetings'],
  [/建议/, 'suggestions'],
  [/奖/, 'awards'],
];

const byCounter: Record<string, string> = {
  人: 'people',
  名: 'people',
  位: 'people',
  家: 'units',
  次: 'times',
  处: 'places',
  项: 'items',
  件: 'items',
  条: 'items',
  个: 'items',
  個: 'items',
};

/** The Chinese noun a count counts, as the text names it near the number (建议 in "收到建议356条，采纳218条"). */
export function chineseNoun(before: string, after: string): string | undefined {
  for (const [pattern] of nouns) {
    const following = new RegExp(`^[^，。；、]{0,3}?(${pattern.source})`).exec(after);
    if (following) return following[1];
  }
  let last: { at: number; word: string } | undefined;
  for (const [pattern] of nouns)
    for (const match of before.matchAll(new RegExp(pattern.source, 'g')))
      if (!last || match.index > last.at) last = { at: match.index, word: match[0] };
  return last?.word;
}

/**
 * The English noun for a count: the noun right after the counter word ("18个问题" → problems),
 * else the last noun before the number in its clause ("优秀班组71个" → teams), else one that
 * fits the counter word (人 → people, 个 → items).
 */
export function englishCounter(counter: string, before: string, after: string): string {
  // 人、名、位 count people: a noun of things nearby (8人 after 班组12个) is another clause's.
  if (/[人名位]/.test(counter)) {
    const leaders = new RegExp(`(?:${nouns[0]?.[0].source ?? '班组长'})[^，。；、]{0,4}$`).test(
      before,
    );
    return leaders || /^[^，。；、]{0,3}?班组长/.test(after) ? 'leaders' : 'people';
  }
  const following = nouns.find(([pattern]) =>
    new RegExp(`^[^，。；、]{0,3}?(?:${pattern.source})`).test(after),
  );
  if (following) return following[1];
  let last: { at: number; noun: string } | undefined;
  for (const [pattern, noun] of nouns) {
    for (const match of before.matchAll(new RegExp(pattern.source, 'g')))
      if (!last || match.index > last.at) last = { at: match.index, noun };
  }
  return last?.noun ?? byCounter[counter] ?? 'items';
}
