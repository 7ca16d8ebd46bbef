/** A fragment of SQL with its own `$1…$n` placeholders. */
export interface SqlFragment {
  text: string;
  values: unknown[];
}

/** Collects bind parameters; every client value reaches the SQL text only as `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  /**
   * Appends a trusted fragment (a permission condition built by a service), shifting its
   * placeholders past the ones already collected. Placeholders are renumbered textually, so the
   * fragment must not contain `$n` inside string literals.
   */
  append(fragment: SqlFragment): string {
    const offset = this.values.length;
    const text = fragment.text.replace(/\$(\d+)/g, (_match, digits: string) => {
      const index = Number(digits);
      if (index < 1 || index > fragment.values.length) {
        throw new Error(`SQL fragment uses $${index} but has ${fragment.values.length} values`);
      }
      return `$${index + offset}`;
    });
    this.values.push(...fragment.values);
    return text;
  }
}
