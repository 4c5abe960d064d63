import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type ASTNode, type FragmentDefinitionNode } from 'graphql';

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
