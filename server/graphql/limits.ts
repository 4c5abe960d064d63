import { GraphQLError, Kind, valueFromASTUntyped, type ASTVisitor, type ValidationContext, type ASTNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Request, Response, NextFunction, RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { batchSizeError, MAX_BATCH } from '../core/fields';
import { daysInRange, dateRangeProblems, MAX_RANGE_DAYS } from '../core/dateRange';

// Bounds checked before graphql-js parses a query: the parser builds every token and node of
// the document first, so a 2 MB query of 700,000 fields filled the 256 MB heap before the
// field limit below could see it. The dashboard's largest operation is 1,203 characters and
// 156 tokens; these leave room for hand-written queries up to the field limit.
/** Longest query text accepted (characters), checked on the request before parsing. */
export const MAX_QUERY_CHARS = 100_000;
/** Most tokens graphql-js reads before giving up (Apollo's parseOptions.maxTokens). */
export const MAX_TOKENS = 10_000;
/** Bodies above this many bytes (a batch of records) go through largeBodyGate. */
export const LARGE_BODY_BYTES = 64 * 1024;

/** Deepest selection a query may nest (team → kpis → rules → … is about 5). */
export const MAX_DEPTH = 10;
/** Most fields one operation may select, counting each fragment use: bounds the work of a request. */
export const MAX_FIELDS = 2_000;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Measures depth and field count of each operation, following fragments, and refuses the excess. */
export function queryLimits(maxDepth = MAX_DEPTH, maxFields = MAX_FIELDS) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

    function measure(node: ASTNode, depth: number, seen: Set<string>): { depth: number; fields: number } {
      if (!('selectionSet' in node) || !node.selectionSet) return { depth, fields: 0 };
      let deepest = depth;
      let fields = 0;
      for (const sel of node.selectionSet.selections) {
        let inner: { depth: number; fields: number };
        if (sel.kind === Kind.FIELD) {
          inner = measure(sel, depth + 1, seen);
          fields += 1;
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          inner = measure(sel, depth, seen);
        } else {
          const frag = fragments.get(sel.name.value);
          // A fragment spread inside itself is refused by graphql's own rules; stop here.
          if (!frag || seen.has(frag.name.value)) continue;
          inner = measure(frag, depth, new Set(seen).add(frag.name.value));
        }
        deepest = Math.max(deepest, inner.depth);
        fields += inner.fields;
        if (fields > maxFields) break;
      }
      return { depth: deepest, fields };
    }

    return {
      OperationDefinition(op) {
        const { depth, fields } = measure(op, 0, new Set());
        if (depth > maxDepth) context.reportError(limitError(`Query is ${depth} levels deep; at most ${maxDepth} are allowed.`));
        if (fields > maxFields) context.reportError(limitError(`Query selects more than ${maxFields} fields; split it into smaller queries.`));
      },
    };
  };
}

/** A refused request in GraphQL's response shape, so clients read it like any other error. */
function refuse(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}) {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/**
 * Checks a GraphQL request body before Apollo parses the query or coerces the variables (after
 * express.json): a query text over MAX_QUERY_CHARS, or a variable list longer than a batch may
 * be (MAX_BATCH), gets 413 (BAD_USER_INPUT, with the batch record) without either of those synchronous steps running. (A GET query is
 * bounded by Node's 16 KB limit on request headers.)
 */
export function requestLimits(maxChars = MAX_QUERY_CHARS, maxList = MAX_BATCH): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const { query, variables } = (req.body ?? {}) as { query?: unknown; variables?: unknown };
    if (typeof query === 'string' && query.length > maxChars) {
      return refuse(res, 413, 'QUERY_TOO_LARGE', `The query is ${query.length.toLocaleString('en')} characters; at most ${maxChars.toLocaleString('en')} are allowed. Split it into smaller queries.`);
    }
    const longest = longestList(variables);
    if (longest > maxList) {
      // Bad input like any over-long batch (the same record the services would give), refused early.
      return refuse(res, 413, 'BAD_USER_INPUT', `A variable holds a list of ${longest.toLocaleString('en')} items; at most ${maxList.toLocaleString('en')} are allowed. Send it in batches.`, { records: batchSizeError(longest, maxList) });
    }
    next();
  };
}

/** The length of the longest array anywhere in a parsed JSON value (iterative: nesting depth is the client's). */
function longestList(value: unknown): number {
  let longest = 0;
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      longest = Math.max(longest, v.length);
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const item of Object.values(v)) if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return longest;
}

/**
 * Lets a few large bodies through at a time, in front of express.json. Parsing a 5 MB body and
 * coercing its variables run synchronously; ten at once held the event loop, and /healthz with
 * it, for seconds. The others wait their turn unread (TCP holds their bytes); past the queue
 * they get 503 SERVER_BUSY with Retry-After. A body without Content-Length counts as large.
 */
export function largeBodyGate({ threshold = LARGE_BODY_BYTES, concurrent = 2, queue = 32 } = {}): RequestHandler {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.get('content-length') ?? NaN);
    if (req.method !== 'POST' || length <= threshold) return next();
    const start = () => {
      running++;
      res.once('close', release);
      next();
    };
    if (running < concurrent) return start();
    if (waiting.length >= queue) {
      res.set('retry-after', '1');
      return refuse(res, 503, 'SERVER_BUSY', 'The server is busy with other large requests; retry in 1 s.');
    }
    waiting.push(start);
    // A client that gives up while waiting leaves the queue.
    res.once('close', () => {
      const i = waiting.indexOf(start);
      if (i >= 0) waiting.splice(i, 1);
    });
  };
}

/**
 * Most days of figures one operation may compute: the sum, over every field taking a `range`
 * (each alias and each fragment use counted), of the days in its range. A read of a range is the
 * expensive part (lists of teams are batched into a few queries by the loaders); before this
 * limit one request of many aliased three-year overviews held the pool for 16 s (issue 14). The dashboard's costliest operation (the team
 * page: kpis, dora and services over one range) is 3 × 1,098 at the longest range.
 */
export const MAX_COST = 5 * MAX_RANGE_DAYS;

/** Days a `range` argument asks for; a missing or invalid one counts as the longest allowed (the resolver refuses it). */
function rangeDays(value: unknown): number {
  const r = value as { from?: unknown; to?: unknown } | null;
  if (typeof r?.from !== 'string' || typeof r?.to !== 'string') return MAX_RANGE_DAYS;
  const range = { from: r.from, to: r.to };
  return dateRangeProblems(range).length ? MAX_RANGE_DAYS : daysInRange(range);
}

/** The cost (see MAX_COST) of a selection set, following fragments, with the request's variables. */
export function operationCost(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>, seen = new Set<string>()): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const range = sel.arguments?.find((a) => a.name.value === 'range');
      if (range) cost += rangeDays(valueFromASTUntyped(range.value, variables));
      if (sel.selectionSet) cost += operationCost(sel.selectionSet, fragments, variables, seen);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      cost += operationCost(sel.selectionSet, fragments, variables, seen);
    } else {
      const frag = fragments.get(sel.name.value);
      if (frag && !seen.has(frag.name.value)) cost += operationCost(frag.selectionSet, fragments, variables, new Set(seen).add(frag.name.value));
    }
  }
  return cost;
}

/**
 * Refuses an operation costing more than maxCost before it runs (400 BAD_USER_INPUT). It runs
 * once the operation is resolved, when the variables' ranges are known; validation has already
 * bounded the fields walked here to MAX_FIELDS.
 */
export function costLimitPlugin(maxCost = MAX_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          if (!operation) return;
          const cost = operationCost(operation.selectionSet, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query asks for ${cost.toLocaleString('en')} days of figures (the days of every range it reads, each alias counted); at most ${maxCost.toLocaleString('en')} are allowed. Split it into smaller queries.`,
              { extensions: { code: 'BAD_USER_INPUT', cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
