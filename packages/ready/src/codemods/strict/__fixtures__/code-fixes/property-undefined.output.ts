// fixture: {"file": "/src/banner.ts", "fixed": {"addMissingPropertyUndefinedType": 1}}
export class Banner {
  private title: string | undefined;

  describe(): string {
    return `Banner: ${this.title}`;
  }
}
