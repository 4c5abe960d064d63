import { z } from 'zod';
import { ForbiddenError, invalidInput, recordsOfIssues } from '../core/errors';
import { authorize } from '../core/permissions';
import type { Scope } from '../core/scope';
import { orgPrivacy, saveOrgPrivacy, type OrgPrivacy } from './queries';

/** Why per-person figures are missing, in the words every path (GraphQL, exports) gives. */
export const PEOPLE_HIDDEN =
  'Per-person figures are hidden by the org (Org defaults → Privacy, hidePeople). The evenness figures, which name nobody, are still given.';

/** The org's privacy setting (read scope: every reader may know why figures are hidden). */
export async function privacySetting(scope: Scope): Promise<OrgPrivacy> {
  authorize(scope.viewer, 'Query.orgPrivacy');
  return orgPrivacy(scope.db);
}

const privacyInput = z.object({ hidePeople: z.boolean({ error: 'must be true or false' }) }).strict();

/** Changes the org's privacy setting: admin scope (it decides what every reader may see). */
export async function setOrgPrivacy(scope: Scope, input: unknown): Promise<OrgPrivacy> {
  // An org-wide setting: a token limited to teams may not change it, whatever its scopes.
  authorize(scope.viewer, 'Mutation.setOrgPrivacy', [null]);
  const parsed = privacyInput.safeParse(input);
  if (!parsed.success) throw invalidInput('privacy setting', recordsOfIssues(parsed.error.issues, 0));
  return saveOrgPrivacy(scope.db, parsed.data.hidePeople, scope.actor);
}

/** Throws FORBIDDEN (with the reason) when the org hides per-person figures: for paths that cannot answer null. */
export async function requirePeopleShown(scope: Scope): Promise<void> {
  if ((await orgPrivacy(scope.db)).hidePeople) throw new ForbiddenError(PEOPLE_HIDDEN);
}

/** True when the org hides per-person figures. */
export async function peopleHidden(scope: Scope): Promise<boolean> {
  return (await orgPrivacy(scope.db)).hidePeople;
}
