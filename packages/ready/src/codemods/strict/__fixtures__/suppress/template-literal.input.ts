// fixture: {"file": "/src/email.ts", "suppressed": 2}
export function body(id: string): string {
  const user = document.getElementById(id);
  return `Hello,
your id is ${user.id} and
your name is ${user.title}.
Bye`;
}
