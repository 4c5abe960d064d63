/**
 * A problem in words, with the warning sign every form uses: a field's (linked from the field by
 * aria-describedby through `id`) or a whole form's. Announced when it appears (role="alert")
 * unless `announce` is false, for errors shown together with a summary that is announced instead.
 */
export function FieldError({ id, text, testId, announce = true }: { id?: string; text: string | null | undefined; testId?: string; announce?: boolean }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error" role={announce ? 'alert' : undefined} data-testid={testId}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}
