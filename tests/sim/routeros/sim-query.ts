/**
 * RouterOS API queries (API manual, "Queries"), evaluated on a stack of booleans per item:
 *   ?name      push: the item has the property
 *   ?-name     push: the item lacks it
 *   ?name=x    push: equal (also written ?=name=x)
 *   ?<name=x   push: less than          ?>name=x   push: greater than
 *   ?#ops      stack operations, left to right:
 *              !  negate the top   &  pop two, push and   |  pop two, push or
 *              .  push a copy of the top (after a digit index: nothing)
 *              N  (digits; 0 is the top) followed by another character: push a copy of value N;
 *                 at the end of the word: replace the whole stack with value N
 * An item matches when every value left on the stack is true (an empty stack matches everything).
 */

export type QueryItem = Readonly<Record<string, string>>;

export class SimQueryError extends Error {}

type Step = (item: QueryItem, stack: boolean[]) => void;

function compare(a: string, b: string): number {
  const id = /^\*([0-9a-f]+)$/i;
  const ia = id.exec(a);
  const ib = id.exec(b);
  if (ia && ib) return Number.parseInt(ia[1]!, 16) - Number.parseInt(ib[1]!, 16);
  const num = /^-?\d+(\.\d+)?$/;
  if (num.test(a) && num.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function pop(stack: boolean[]): boolean {
  const value = stack.pop();
  if (value === undefined) throw new SimQueryError('invalid query: stack is empty');
  return value;
}

function compileOperations(ops: string): Step {
  return (_item, stack) => {
    let i = 0;
    let afterIndex = false;
    while (i < ops.length) {
      const digits = /^\d+/.exec(ops.slice(i));
      if (digits) {
        const index = Number(digits[0]);
        i += digits[0].length;
        const value = stack[stack.length - 1 - index];
        if (value === undefined) throw new SimQueryError(`invalid query: no stack value ${index}`);
        if (i >= ops.length) stack.splice(0, stack.length, value);
        else stack.push(value);
        afterIndex = true;
        continue;
      }
      const op = ops[i++];
      switch (op) {
        case '!':
          stack.push(!pop(stack));
          break;
        case '&': {
          const b = pop(stack);
          const a = pop(stack);
          stack.push(a && b);
          break;
        }
        case '|': {
          const b = pop(stack);
          const a = pop(stack);
          stack.push(a || b);
          break;
        }
        case '.':
          if (!afterIndex) {
            const top = stack[stack.length - 1];
            if (top === undefined) throw new SimQueryError('invalid query: stack is empty');
            stack.push(top);
          }
          break;
        default:
          throw new SimQueryError(`invalid query operation ${JSON.stringify(op)}`);
      }
      afterIndex = false;
    }
  };
}

function compileWord(word: string): Step {
  const body = word.slice(1);
  if (body.startsWith('#')) return compileOperations(body.slice(1));
  if (body.startsWith('-')) {
    const name = body.slice(1);
    return (item, stack) => void stack.push(item[name] === undefined);
  }
  const comparison = /^([<>=]?)([^=]+)=(.*)$/s.exec(body);
  if (comparison) {
    const [, op, name, value] = comparison as unknown as [string, string, string, string];
    return (item, stack) => {
      const actual = item[name];
      if (op === '<') stack.push(actual !== undefined && compare(actual, value) < 0);
      else if (op === '>') stack.push(actual !== undefined && compare(actual, value) > 0);
      else stack.push(actual === value);
    };
  }
  if (body === '') throw new SimQueryError('invalid query: empty word');
  return (item, stack) => void stack.push(item[body] !== undefined);
}

/** Compiles query words (each starting with "?") into a predicate; throws SimQueryError when malformed. */
export function compileQuery(words: readonly string[]): (item: QueryItem) => boolean {
  const steps = words.map(compileWord);
  return (item) => {
    const stack: boolean[] = [];
    for (const step of steps) step(item, stack);
    return stack.every(Boolean);
  };
}
