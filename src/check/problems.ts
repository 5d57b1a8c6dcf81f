// The problem type and its formatting belong to the content model (src/model/problems.ts), shared
// by `npm run check` and the build; re-exported here for the checker's modules.
export {
  bilingual,
  formatProblems,
  problemAt,
  relativeFile,
  type CheckProblem,
} from '../model/problems';
