/** Why a raw `<img>` cannot be converted safely; each is reported with file:line. */
export const SKIP_REASONS = {
  'test-file': 'test file or mock: never shipped',
  'og-image': 'Open Graph / Twitter image route (rendered to a picture by ImageResponse; next/image does not apply)',
  email: 'email template (mail clients need a plain <img>)',
  picture: 'inside <picture> (art direction by hand; next/image would break it)',
  spread: 'spread props: which attributes reach the element is unknown',
  srcset: 'srcSet/sizes written by hand',
  'no-src': 'no src attribute',
  'data-uri': 'data: URI (nothing to optimise)',
  svg: 'SVG (next/image does not optimise SVG by default)',
  'no-dimensions': 'no known dimensions (sized only by CSS): next/image needs width and height, or fill',
  'dynamic-dimensions': 'width/height are not literal numbers',
  'missing-file': 'the file is not in public/: the image is broken either way; add the file (or fix the path), then convert',
  'unreadable-image': 'the file in public/ is not an image whose size can be read',
  'remote-host': 'remote host not allowed in images.remotePatterns and next.config.* cannot be edited (or --remote-patterns=false)',
  noscript:
    'inside <noscript>: only browsers without JavaScript load it (a tracking pixel, most often); next/image would fetch it on the server',
  'tracking-pixel': 'a 1×1 image (a tracking pixel): the request itself is the point, next/image would make it from the server',
  'server-markup':
    'markup rendered to a string or a picture on the server (renderToStaticMarkup, renderToString, satori): /_next/image URLs do not resolve there',
  'route-handler': 'in a route handler or API route: it renders no page, next/image does not apply',
  'unknown-host':
    'src is computed at run time, so its host is unknown: next/image serves only hosts allowed in images.remotePatterns (set it, then convert by hand)',
  'unsupported-format':
    "a format Next's image loader does not handle (only jpg, png, gif, webp, avif, ico, bmp): a static import would break the build",
} as const;

export type SkipReason = keyof typeof SKIP_REASONS;

/**
 * The skips where next/image does not apply at all (nothing ships, or the markup is not a page's):
 * reported, never counted as images left for a person to review.
 */
export const NOT_APPLICABLE_SKIPS: ReadonlySet<SkipReason> = new Set<SkipReason>([
  'test-file',
  'og-image',
  'email',
  'server-markup',
  'route-handler',
  'noscript',
  'tracking-pixel',
  'data-uri',
  'svg',
]);
