// The gating rules are pure and shared with the audit: they live in src/evaluate/gating.ts.
export {
  describeSelector,
  gatingOf,
  isReleasePullRequest,
  type Gating,
  type PullRequestFacts,
} from '../evaluate/gating.js';
