/** CI definitions at the workspace root that the scripts check reads (and that ready hashes). */
export const CI_ROOT_FILES = ['.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'Jenkinsfile', '.circleci/config.yml'];

/** Folders whose YAML files are CI definitions: GitHub's workflows, and GitLab's included files. */
export const CI_FOLDERS = ['.github/workflows', '.gitlab'];

/** The first line of every file the ci generator writes: how it knows a file it may add to. */
export const GENERATED_MARKER = '# Written by `nx g @plinto/ready:ci` (@plinto/ready).';

/** The hidden line that marks the pull-request comment the workflow keeps updating. */
export const COMMENT_MARKER = '<!-- @plinto/ready summary -->';

/** The files the generator writes by default, per provider. */
export const GITHUB_WORKFLOW = '.github/workflows/ready.yml';
export const GITLAB_CI = '.gitlab-ci.yml';
/** Where the GitLab job goes when the workspace has a .gitlab-ci.yml of its own (included from it). */
export const GITLAB_INCLUDED = '.gitlab/ready.gitlab-ci.yml';
