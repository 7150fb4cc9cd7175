// An OAuth app's settings: the app's own, though the names start like GitHub Actions' variables.
export const githubAuth = {
  clientId: process.env.GITHUB_CLIENT_ID as string,
  clientSecret: process.env.GITHUB_CLIENT_SECRET as string,
};

// Set by the CI that builds the app: the platform's, never the app's to declare.
export const release = (process.env.GITHUB_SHA ?? 'dev').slice(0, 7);
