/**
 * What a CI job requires of @plinto/ready, without loading the plugin: the pull-request comment
 * the generated GitHub workflow's github-script step posts (`require('@plinto/ready/src/ci')`),
 * and the merge-request note the GitLab job's after_script posts.
 */
export { commentBody, gitlabComment, upsertGitlabNote, upsertReadyComment } from './features/ci/pr-comment';
