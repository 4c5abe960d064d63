import { mapSchema, MapperKind, getRootTypeNames } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Scope } from '../core/scope';
import { FIELD_SCOPES } from '../core/permissions';
import { ORG_DEFAULT, requireScope, requireTeams } from '../core/viewer';
import { ingestLimiter } from './rateLimit';
import { RateLimitedError } from '../core/errors';

/** Team slugs an operation acts on, read from its arguments: `team`, and `team` of each input record. */
export function teamsInArgs(args: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.team === 'string') found.push(o.team);
      if (Array.isArray(o.teams)) o.teams.forEach((t) => typeof t === 'string' && found.push(t));
    }
  };
  if (typeof args.team === 'string') found.push(args.team);
  visit(args.input);
  return found;
}

/**
 * Wraps every root field: checks its declared scope and, for writes, the token's team restriction.
 * Throws at build time for a root field with no declared scope.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  const roots = getRootTypeNames(schema);
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const key = `${typeName}.${fieldName}`;
      const scope = FIELD_SCOPES[key];
      if (!scope) throw new Error(`No scope declared for ${key}: add it to server/core/permissions.ts`);
      if (scope === 'public' || !roots.has(typeName)) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      const takesTeam = Boolean(field.args && 'team' in field.args);
      return {
        ...field,
        resolve(source, args, ctx: Scope, info) {
          requireScope(ctx.viewer, scope);
          if (scope === 'ingest') {
            const r = ingestLimiter.take(ctx.viewer.tokenId ?? ctx.viewer.name);
            if (!r.ok) throw new RateLimitedError(r.retryAfter);
          }
          if (typeName === 'Mutation') {
            requireTeams(ctx.viewer, teamsInArgs(args));
            // Org-wide settings (team left out) are for tokens that are not limited to teams.
            if (takesTeam && args.team == null) requireTeams(ctx.viewer, [ORG_DEFAULT]);
          }
          return resolve(source, args, ctx, info);
        },
      };
    },
  });
}
