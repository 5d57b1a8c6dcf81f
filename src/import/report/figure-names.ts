// Names for the figures an import finds that no earlier year has: a clean Chinese label (the words
// that say what is counted, without the number, the year or a dangling 共/占), the concepts its words
// name, and a readable id built from them (`teams.trained`), never an id another year already uses
// for something else. Pure.

/** What a figure's words say it measures, by concept; the key doubles as the word of a new id. */
export const concepts: ReadonlyArray<readonly [string, RegExp]> = [
  ['excellent', /优秀|先进|优胜|标杆/],
  ['qualified', /合格/],
  ['fiveGood', /五好/],
  ['leaders', /班组长|组长|班长/],
  ['trained', /培训|轮训/],
  ['safety', /安全/],
  ['skills', /技能|技术|技师/],
  ['innovation', /创新|革新|改进/],
  ['suggestions', /建议|合理化/],
  ['adopted', /采纳|采用/],
  ['awarded', /获奖|表彰|奖励|评为/],
  ['fixed', /整改|解决/],
  ['problems', /问题|隐患/],
  ['inspected', /检查|抽查|复查|巡查/],
  ['contests', /竞赛|比武|比赛/],
  ['partyMembers', /党员/],
  ['workshops', /车间/],
  ['activities', /活动/],
  ['new', /新建|新增|新成立|新组建/],
  ['target', /目标|不低于|不少于/],
  ['accepted', /验收|公司级|通过/],
  ['taking', /参加|参与|参赛|报名/],
  ['total', /总数|总计|现有|共有|全部|合计|总共|全公司/],
];

/** The concepts a text names (longest words first, so 班组长 is leaders and not also a team word). */
export function conceptsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const [key, pattern] of concepts) if (pattern.test(text)) found.add(key);
  return found;
}

// Words that carry no meaning of their own in a label: fillers, connectives, the year's own words.
const leadingFiller =
  /^(?:其中|目前|当前|今年|全年|本年度|本年|年内|年底|截至年底|已经|已|共计|共有|共|另有|另|并|还|有|以及|和|及|全公司|公司)+/;
const trailingFiller = /(?:共计|共有|共|达到|达|为|有|计|约|近|超过|多|余|个|之|占|其中)+$/;

/**
 * A clean Chinese label from the words around a number: no digits, no year, no quotation marks or
 * dangling connectives; '' when nothing meaningful is left (the caller names the figure another way).
 */
export function cleanLabel(words: string): string {
  let label = words
    .replace(/[“”"「」『』‘’']/g, '')
    .replace(/[0-9０-９]+\s*(?:年度|年|月份|月|日)?/g, '')
    .replace(/[,，、；;：:。.!！?？…\s]+/g, '')
    .replace(/^[（(][^）)]*[）)]$/, '');
  for (let i = 0; i < 3; i += 1)
    label = label.replace(leadingFiller, '').replace(trailingFiller, '');
  // An unbalanced bracket left by the cut.
  if ((label.match(/[（(]/g) ?? []).length !== (label.match(/[）)]/g) ?? []).length)
    label = label.replace(/[（()）]/g, '');
  return label.length >= 2 ? label : '';
}

/** A count's label: "优秀班组" → "优秀班组数" (a label that already says 数/率 is left alone). */
export function countLabel(words: string): string {
  return /[数率量]$/.test(words) ? words : `${words}数`;
}

/** A share's label that names its part and its whole: "优秀班组占班组总数的比例". */
export function shareLabel(part: string, whole: string): string {
  const bare = (label: string) => label.replace(/数$/, '');
  return `${bare(part)}占${bare(whole) === '班组' ? '班组总' : bare(whole)}数的比例`;
}

/**
 * A readable id for a figure no earlier year has: `<noun>.<concepts>` (teams.excellentTrained),
 * `<noun>.total` when the words name no concept. An id already taken in this year, or used by any
 * other year (for a figure this one was not matched to), gets this year added (`teams.trained2008`),
 * so that an id not matched by meaning never equals another year's.
 */
export function newFigureId(
  noun: string,
  words: Set<string>,
  year: number,
  taken: ReadonlySet<string>,
  otherYears: ReadonlySet<string>,
): string {
  const camel = (parts: string[]) =>
    parts.map((p, i) => (i === 0 ? p : `${p[0]?.toUpperCase() ?? ''}${p.slice(1)}`)).join('');
  const nounWord =
    camel(
      noun
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter(Boolean),
    ) || 'figures';
  const qualifiers = [...words].filter((w) => w !== nounWord && w !== 'total').slice(0, 2);
  const base = `${nounWord}.${qualifiers.length > 0 ? camel(qualifiers) : 'total'}`;
  const free = (id: string) => !taken.has(id) && !otherYears.has(id);
  if (free(base)) return base;
  for (let n = 0; ; n += 1) {
    const id = `${base}${year}${n === 0 ? '' : String.fromCharCode(97 + n)}`;
    if (free(id)) return id;
  }
}
