/**
 * What a CI job requires of @plinto/ready, without loading the plugin: the pull-request comment
 * the generated workflow's github-script step posts (`require('@plinto/ready/src/ci')`).
 */
export { upsertReadyComment, commentBody } from './features/ci/pr-comment';
