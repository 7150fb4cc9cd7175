interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

/**
 * Edits of one file, all at positions of its current text, applied in one rewrite. Each ts-morph
 * manipulation reparses the file; a codemod that makes many small edits (rename a tag, drop an
 * attribute, add an import) collects them here instead and hands the runner the new text.
 * Inserts at the same position keep the order they were added in.
 */
export class TextEdits {
  private readonly edits: Edit[] = [];

  insert(pos: number, text: string): this {
    return this.replace(pos, pos, text);
  }

  remove(start: number, end: number): this {
    return this.replace(start, end, '');
  }

  replace(start: number, end: number, text: string): this {
    for (const e of this.edits) {
      if (start < e.end && e.start < end) throw new Error(`overlapping edits at ${start}-${end} and ${e.start}-${e.end}`);
    }
    this.edits.push({ start, end, text, order: this.edits.length });
    return this;
  }

  get size(): number {
    return this.edits.length;
  }

  /** The text with every edit applied. */
  applyTo(text: string): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    let out = '';
    let at = 0;
    for (const e of sorted) {
      out += text.slice(at, e.start) + e.text;
      at = Math.max(at, e.end);
    }
    return out + text.slice(at);
  }
}
