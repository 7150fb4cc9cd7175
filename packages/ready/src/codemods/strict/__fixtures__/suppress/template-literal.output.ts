// fixture: {"file": "/src/email.ts", "suppressed": 2}
export function body(id: string): string {
  const user = document.getElementById(id);
  return `Hello,
your id is ${
  // @ts-expect-error plinto-ready(strict) TS18047: 'user' is possibly 'null'.
  user.id} and
your name is ${
  // @ts-expect-error plinto-ready(strict) TS18047: 'user' is possibly 'null'.
  user.title}.
Bye`;
}
