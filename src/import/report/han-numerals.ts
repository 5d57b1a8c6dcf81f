// Small numbers written in Chinese numerals, as dates in a summary write them. Pure.

/** The value of each Chinese digit (〇 and 零 are both zero). */
export const hanDigits: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31; ASCII digits as they are ("3" → 3). */
export function hanNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const [tens = '', ones = ''] = text.includes('十') ? text.split('十') : ['', text];
  return text.includes('十')
    ? (tens ? (hanDigits[tens] ?? 0) : 1) * 10 + (hanDigits[ones] ?? 0)
    : (hanDigits[ones] ?? 0);
}
