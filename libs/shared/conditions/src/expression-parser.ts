import {
  MAX_CONDITION_DEPTH,
  type ComparisonOperator,
  type Condition,
  type ConditionNode,
  type ConditionOptions,
} from './condition.ast.js';
import { ConditionSyntaxError } from './condition-syntax-error.js';
import { tokenize, type Punctuation, type Token } from './expression-tokens.js';
import { CONSTANTS, OPERATOR_WORDS, OTHER_KEYWORDS, isPythonKeyword } from './python-names.js';

const SYMBOL_OPERATORS = new Set<string>(['==', '!=', '<', '>', '<=', '>=']);
/** What Python could apply to a value and conditions never do: nothing reaches an object. */
const REFUSED_POSTFIX = new Map<Punctuation, string>([
  ['(', 'function calls are'],
  ['[', 'subscripts are'],
  ['.', 'attribute access is'],
]);

/**
 * Parses the Python-expression form of a condition (`status == 'Open' and agent_group == 'Billing'`)
 * over a small grammar, recursive descent, never `eval`:
 *
 * ```
 * or         := and ('or' and)*
 * and        := not ('and' not)*
 * not        := 'not' not | comparison
 * comparison := sign (('==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | 'not' 'in' | 'is' ['not']) sign)*
 * sign       := ('-' | '+') sign | atom
 * atom       := NAME | DOCUMENT '.' NAME | STRING+ | NUMBER | 'None' | 'True' | 'False'
 *             | '(' or ')' | '(' [or (',' or)* [',']] ')' | '[' [or (',' or)* [',']] ']'
 * ```
 * Names are the ticket's fields; with `options.document` (`doc`) fields are written
 * `doc.<field>` instead and bare names are refused, as Python would not know them. Calls, other
 * attributes, subscripts, names containing `__`, other keywords and anything else are refused
 * with a `ConditionSyntaxError`.
 */
export function parseConditionExpression(
  source: string,
  options: ConditionOptions = {},
): Condition {
  const parser = new ExpressionParser(tokenize(source), options.document ?? null);
  const root = parser.parseCondition();
  return { form: 'expression', source, root };
}

class ExpressionParser {
  private next = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    /** The name fields are read through (`doc`), or null when fields are bare names. */
    private readonly document: string | null,
  ) {}

  parseCondition(): ConditionNode {
    if (this.peek().type === 'end') throw new ConditionSyntaxError('the condition is empty');
    const root = this.parseOr();
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unexpected(rest);
    return root;
  }

  private parseOr(): ConditionNode {
    return this.nested(() => this.parseChain('or', () => this.parseAnd()));
  }

  private parseAnd(): ConditionNode {
    return this.parseChain('and', () => this.parseNot());
  }

  private parseChain(word: 'and' | 'or', operand: () => ConditionNode): ConditionNode {
    const operands = [operand()];
    while (this.acceptWord(word)) operands.push(operand());
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: word, operands };
  }

  private parseNot(): ConditionNode {
    if (!this.acceptWord('not')) return this.parseComparison();
    return this.nested(() => ({ kind: 'not', operand: this.parseNot() }));
  }

  private parseComparison(): ConditionNode {
    const first = this.parseSign();
    const rest: { operator: ComparisonOperator; operand: ConditionNode }[] = [];
    for (let operator = this.comparisonOperator(); operator; operator = this.comparisonOperator()) {
      rest.push({ operator, operand: this.parseSign() });
    }
    return rest.length === 0 ? first : { kind: 'compare', first, rest };
  }

  private comparisonOperator(): ComparisonOperator | null {
    const token = this.peek();
    if (token.type === 'punctuation' && SYMBOL_OPERATORS.has(token.value)) {
      this.next++;
      return token.value as ComparisonOperator;
    }
    if (this.acceptWord('in')) return 'in';
    if (this.acceptWord('is')) return this.acceptWord('not') ? 'is not' : 'is';
    const after = this.tokens[this.next + 1];
    if (isWord(token, 'not') && after && isWord(after, 'in')) {
      this.next += 2;
      return 'not in';
    }
    return null;
  }

  private parseSign(): ConditionNode {
    const token = this.peek();
    if (token.type !== 'punctuation' || (token.value !== '-' && token.value !== '+')) {
      return this.parsePostfix();
    }
    this.next++;
    const operator = token.value;
    return this.nested(() => ({ kind: 'sign', operator, operand: this.parseSign() }));
  }

  /** An atom, refusing what Python would apply to it: calls, subscripts, other attributes. */
  private parsePostfix(): ConditionNode {
    const start = this.peek().at;
    const atom = this.parseAtom();
    const node = this.isDocument(atom) ? this.documentField(start) : atom;
    const after = this.peek();
    const refused = after.type === 'punctuation' ? REFUSED_POSTFIX.get(after.value) : undefined;
    if (refused) throw new ConditionSyntaxError(`${refused} not supported`, after.at);
    if (this.document !== null && node.kind === 'field') {
      throw new ConditionSyntaxError(`name '${node.name}' is not defined`, start);
    }
    return node;
  }

  private isDocument(atom: ConditionNode): boolean {
    return this.document !== null && atom.kind === 'field' && atom.name === this.document;
  }

  /** `doc.<field>`; `doc` on its own is a whole record, which conditions do not compare. */
  private documentField(start: number): ConditionNode {
    if (!this.acceptPunctuation('.')) {
      throw new ConditionSyntaxError(
        `'${this.document}' is read only as ${this.document}.<field>`,
        start,
      );
    }
    const name = this.take();
    if (name.type !== 'name' || isPythonKeyword(name.value)) {
      throw this.unexpected(name, 'a field name');
    }
    return { kind: 'document-field', name: name.value };
  }

  private parseAtom(): ConditionNode {
    const token = this.take();
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: token.value };
      case 'string':
        return { kind: 'literal', value: this.joinAdjacentStrings(token.value) };
      case 'name':
        return this.nameAtom(token);
      case 'punctuation':
        if (token.value === '(') return this.parenthesised();
        if (token.value === '[') return { kind: 'list', items: this.items(']') };
        throw this.unexpected(token);
      default:
        throw new ConditionSyntaxError('the condition ends too early', token.at);
    }
  }

  private nameAtom(token: Extract<Token, { type: 'name' }>): ConditionNode {
    const name = token.value;
    const constant = CONSTANTS.get(name);
    if (constant) return constant;
    if (OPERATOR_WORDS.has(name)) throw this.unexpected(token);
    if (OTHER_KEYWORDS.has(name)) {
      throw new ConditionSyntaxError(`'${name}' is not supported`, token.at);
    }
    return { kind: 'field', name };
  }

  /** `(x)` groups; `()`, `(x,)` and `(x, y)` are tuples, which behave as lists here. */
  private parenthesised(): ConditionNode {
    if (this.acceptPunctuation(')')) return { kind: 'list', items: [] };
    const first = this.parseOr();
    if (this.acceptPunctuation(')')) return first;
    if (!this.acceptPunctuation(',')) throw this.unexpected(this.peek(), "')'");
    return { kind: 'list', items: [first, ...this.items(')')] };
  }

  private items(close: ')' | ']'): ConditionNode[] {
    const items: ConditionNode[] = [];
    while (!this.acceptPunctuation(close)) {
      items.push(this.parseOr());
      if (this.acceptPunctuation(close)) break;
      this.expect(',');
    }
    return items;
  }

  private joinAdjacentStrings(first: string): string {
    let value = first;
    for (let token = this.peek(); token.type === 'string'; token = this.peek()) {
      value += token.value;
      this.next++;
    }
    return value;
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_CONDITION_DEPTH) {
      throw new ConditionSyntaxError('the condition is nested too deeply', this.peek().at);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private peek(): Token {
    return this.tokens[this.next] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.next++;
    return token;
  }

  private acceptWord(word: string): boolean {
    if (!isWord(this.peek(), word)) return false;
    this.next++;
    return true;
  }

  private acceptPunctuation(value: Punctuation): boolean {
    const token = this.peek();
    if (token.type !== 'punctuation' || token.value !== value) return false;
    this.next++;
    return true;
  }

  private expect(value: Punctuation): void {
    if (!this.acceptPunctuation(value)) throw this.unexpected(this.peek(), `'${value}'`);
  }

  private unexpected(token: Token, expected?: string): ConditionSyntaxError {
    const found = token.type === 'end' ? 'the end' : `'${describe(token)}'`;
    const reason = expected ? `expected ${expected} but found ${found}` : `unexpected ${found}`;
    return new ConditionSyntaxError(reason, token.at);
  }
}

function isWord(token: Token, word: string): boolean {
  return token.type === 'name' && token.value === word;
}

function describe(token: Exclude<Token, { type: 'end' }>): string {
  return token.type === 'string' ? JSON.stringify(token.value) : String(token.value);
}
