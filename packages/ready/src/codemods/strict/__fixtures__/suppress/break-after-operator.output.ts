// fixture: {"file": "/src/banner.ts", "suppressed": 2}
export function banner(user: { name?: string }, tags: string[] | undefined) {
  const text = 'Welcome, \
dear reader: ' +
  // @ts-expect-error plinto-ready(strict) TS18048: 'user.name' is possibly 'undefined'.
  user.name.toUpperCase();
  const list = `first line
second line` +
  // @ts-expect-error plinto-ready(strict) TS18048: 'tags' is possibly 'undefined'.
  tags.join(', ');
  return text + list;
}
