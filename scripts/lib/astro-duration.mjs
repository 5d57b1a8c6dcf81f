// Reads the durations Astro prints in its build log ("✓ Completed in 1.23s", "built in 850ms").

/**
 * Seconds from one of Astro's durations: "850ms", "1.23s", and past a minute "2m 5s"
 * (`getTimeStat` in astro/dist/core/build/util.js). Reading "2m 5s" as "2m", as the bench did
 * until issue 14, cut every phase over a minute down to whole minutes.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseDuration(text) {
  const match = /^(?:(\d+)m (\d+)s|(\d+(?:\.\d+)?)(ms|s)\b)/.exec(text.trim());
  if (!match) return undefined;
  if (match[1] !== undefined) return Number(match[1]) * 60 + Number(match[2]);
  return match[4] === 'ms' ? Number(match[3]) / 1000 : Number(match[3]);
}

/** The pattern of one duration inside a log line, for `new RegExp(...)`. */
export const durationPattern = String.raw`\d+m \d+s|\d+(?:\.\d+)?m?s`;
