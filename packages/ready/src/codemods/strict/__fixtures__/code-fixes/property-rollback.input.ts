// fixture: {"file": "/src/header.ts", "fixed": {"addMissingPropertyDefiniteAssignmentAssertions": 1}, "rolledBack": ["addMissingPropertyUndefinedType"]}
function shout(text: string): string {
  return text.toUpperCase();
}

export class Header {
  private title: string;

  render(): string {
    return shout(this.title);
  }
}
