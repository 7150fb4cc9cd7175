// fixture: {"file": "/src/banner.ts", "fixed": {"addMissingPropertyUndefinedType": 1}}
export class Banner {
  private title: string;

  describe(): string {
    return `Banner: ${this.title}`;
  }
}
