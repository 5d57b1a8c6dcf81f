// Stable ASCII anchors for the headings of an imported report ({#basics}): the words Chinese
// annual summaries use for their usual sections, else the section's number. The editor may rename
// them; the English file gets the same ones. Pure.

/** Section headings: the first rule whose words the heading contains names it. */
const sectionWords: ReadonlyArray<[RegExp, string]> = [
  [/下一步|今后|明年|总体要求|打算|工作思路/, 'next-steps'],
  [/不足|存在的问题|主要问题|差距/, 'shortcomings'],
  [/体会|经验|启示/, 'lessons'],
  [/亮点|特色/, 'highlights'],
  [/成效|成绩|效果|成果/, 'results'],
  [/做法|验收|基本情况|工作情况|开展情况/, 'basics'],
];

/** Subsection headings: what the subsection is about, after its section's anchor (results-teams). */
const subsectionWords: ReadonlyArray<[RegExp, string]> = [
  [/科（部）室|科\(部\)室|科部室|科室|部室|机关/, 'offices'],
  [/班组/, 'teams'],
  [/安全/, 'safety'],
  [/培训/, 'training'],
];

/** A heading's anchor, unique among `used` (which it is added to). */
export function headingAnchor(
  text: string,
  level: 2 | 3,
  sectionAnchor: string | undefined,
  position: number,
  used: Set<string>,
): string {
  const words = level === 2 ? sectionWords : subsectionWords;
  const word = words.find(([pattern]) => pattern.test(text))?.[1];
  const base =
    level === 2
      ? (word ?? `section-${position}`)
      : `${sectionAnchor ?? 'section'}-${word ?? String(position)}`;
  let anchor = base;
  for (let n = 2; used.has(anchor); n += 1) anchor = `${base}-${n}`;
  used.add(anchor);
  return anchor;
}
