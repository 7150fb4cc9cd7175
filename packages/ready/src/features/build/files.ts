/** build-production's report, beside the project's other results. */
export const BUILD_PRODUCTION_FILE = 'build-production.json';
/** What was built and packaged: versions, git state, routes and every packaged file's sha256. */
export const BUILD_MANIFEST_FILE = 'build-manifest.json';
/** The deployment package (standalone server, static files, public/). */
export const DEPLOY_PACKAGE_FILE = 'deploy.tar.gz';
/** Whether the project's build passed, recorded by the build-record target for ready. */
export const BUILD_RUN_FILE = 'build-run.json';
