import { z } from 'astro/zod';
import { sectionIdSchema, yearSchema } from './common';

/** Written in the data file where the report gives no figure; never 0. */
export const NOT_REPORTED = 'not reported';

/** A count as the report gives it, or `not reported`, with the section it comes from. */
const countMessage = `must be a whole number of 0 or more, or "${NOT_REPORTED}"`;
const countSchema = z.object({
  value: z.union(
    [z.number().int({ message: countMessage }).nonnegative({ message: countMessage }), z.literal(NOT_REPORTED)],
    { message: countMessage },
  ),
  section: sectionIdSchema,
});

/** A percentage (target or reported share) between 0 and 100, or `not reported`. */
const percentMessage = `must be a percentage from 0 to 100, or "${NOT_REPORTED}"`;
const percentSchema = z.object({
  value: z.union(
    [z.number().min(0, { message: percentMessage }).max(100, { message: percentMessage }), z.literal(NOT_REPORTED)],
    { message: percentMessage },
  ),
  section: sectionIdSchema,
});

export type ReportedValue = z.infer<typeof countSchema>['value'];

/** One year's raw counts and targets (`src/content/metrics/<year>.yaml`). Rates are computed in code. */
export const metricsSchema = z
  .object({
    year: yearSchema,
    teams: z.object({ total: countSchema, excellent: countSchema, qualifiedOrBetter: countSchema }),
    teamLeaders: z.object({ qualifiedPercent: percentSchema }),
    targets: z.object({
      excellentTeamsPercent: percentSchema,
      qualifiedTeamsPercent: percentSchema,
      qualifiedLeadersPercent: percentSchema,
    }),
    fiveGood: z.object({
      units: countSchema,
      offices: countSchema,
      officesParticipating: countSchema,
      officesAccepted: countSchema,
    }),
    inspections: z.object({ septemberProblems: countSchema }),
  })
  .superRefine((data, ctx) => {
    // Each pair reads "the part can never exceed the whole".
    const pairs: Array<[path: string[], part: ReportedValue, wholePath: string, whole: ReportedValue]> = [
      [['teams', 'excellent', 'value'], data.teams.excellent.value, 'teams.qualifiedOrBetter', data.teams.qualifiedOrBetter.value],
      [['teams', 'qualifiedOrBetter', 'value'], data.teams.qualifiedOrBetter.value, 'teams.total', data.teams.total.value],
      [['fiveGood', 'officesParticipating', 'value'], data.fiveGood.officesParticipating.value, 'fiveGood.offices', data.fiveGood.offices.value],
      [['fiveGood', 'officesAccepted', 'value'], data.fiveGood.officesAccepted.value, 'fiveGood.officesParticipating', data.fiveGood.officesParticipating.value],
    ];
    for (const [path, part, wholePath, whole] of pairs) {
      if (typeof part === 'number' && typeof whole === 'number' && part > whole) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `is ${part}, more than ${wholePath} (${whole}); a part cannot exceed its whole — check both numbers against the report`,
        });
      }
    }
  });
export type MetricsData = z.infer<typeof metricsSchema>;
