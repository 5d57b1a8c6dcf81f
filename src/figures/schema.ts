// One year's figures file (`src/content/metrics/<year>.yaml`): its declarations checked by its rules,
// so `npm run check`, the importer and the build refuse the same files with the same messages.
import { metricsFileShape } from './declarations';
import { figureFileIssues } from './rules';

export type { MetricsData } from './declarations';

/** The figures file's schema: figures, charts and key-figure cards, and every rule across them. */
export const metricsSchema = metricsFileShape.superRefine((data, ctx) => {
  for (const issue of figureFileIssues(data)) {
    // The Chinese text travels with the issue; `npm run check` prints both languages.
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: `${issue.message} (fix: ${issue.fix})`,
      params: { figures: issue },
    });
  }
});
