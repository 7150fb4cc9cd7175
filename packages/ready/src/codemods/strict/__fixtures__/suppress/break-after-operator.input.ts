// fixture: {"file": "/src/banner.ts", "suppressed": 2}
export function banner(user: { name?: string }, tags: string[] | undefined) {
  const text = 'Welcome, \
dear reader: ' + user.name.toUpperCase();
  const list = `first line
second line` + tags.join(', ');
  return text + list;
}
