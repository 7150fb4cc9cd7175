// fixture: {"file": "/src/store.ts", "fixed": {"inferFromUsage": 1, "addMissingPropertyDefiniteAssignmentAssertions": 2}}
export class Store {
  private items!: string[];
  private name!: string;

  add(item: string) {
    this.items.push(item);
  }

  size(): number {
    return this.items.length + this.name.length;
  }
}

new Store().add('x');
