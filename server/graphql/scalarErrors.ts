import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { BadInputError } from '../core/errors';
import { invalidScalarsIn } from '../core/invalidScalar';

/**
 * The Date and DateTime scalars hand a value they cannot read on as an InvalidScalar (see
 * core/invalidScalar.ts). Batch services (a list argument named `input`) report those with the
 * rest of the batch's problems; every other argument holding one is refused here, before its
 * resolver runs, with the same { index, field, message } records.
 */
export function refuseInvalidScalars(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const checked = Object.entries(field.args ?? {})
        .filter(([name, arg]) => !(name === 'input' && String(arg.type).startsWith('[')))
        .map(([name]) => name);
      if (checked.length === 0 || !Object.values(field.args ?? {}).some((a) => mayHoldScalar(a.type))) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, ctx, info) {
          const bad = checked.flatMap((name) => invalidScalarsIn(args[name], name));
          if (bad.length) {
            const records = bad.map((b) => ({ index: 0, field: b.path, message: b.message }));
            throw new BadInputError(`Invalid ${records.map((r) => `${r.field}: ${r.message}`).join('; ')}`, records);
          }
          return resolve(source, args, ctx, info);
        },
      };
    },
  });
}

// Types are read by shape, not with graphql's isListType/getNamedType: @graphql-tools may load
// graphql's other build (CommonJS beside ESM), whose classes those instanceof checks refuse.
type TypeShape = { name?: string; ofType?: TypeShape; getFields?: () => Record<string, { type: TypeShape }> };

/** Whether an argument type is, or holds, a Date or DateTime. */
function mayHoldScalar(type: GraphQLInputType | TypeShape, seen = new Set<string>()): boolean {
  let named = type as TypeShape;
  while (named.ofType) named = named.ofType;
  if (named.name === 'Date' || named.name === 'DateTime') return true;
  if (!named.getFields || !named.name || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => mayHoldScalar(f.type, seen));
}
