import type { PageProblem } from './problems';

/** The API's messages for one field, shown beside it. */
export const FieldErrors = ({ problem, path }: { problem: PageProblem | undefined; path: string }) => (
  <>
    {(problem?.fieldErrors.get(path) ?? []).map((message) => (
      <span class="field-error">{message}</span>
    ))}
  </>
);

/** The API's messages for the fields a form does not show beside an input, listed at its top. */
export const OtherErrors = ({ problem, shown }: { problem: PageProblem | undefined; shown: readonly string[] }) => (
  <>
    {[...(problem?.fieldErrors ?? new Map<string, readonly string[]>())]
      .filter(([path]) => !shown.includes(path))
      .flatMap(([path, messages]) =>
        messages.map((message) => (
          <p class="field-error">
            {path === '' ? '' : `${path}：`}
            {message}
          </p>
        )),
      )}
  </>
);

/** A form control with its label and, beside it, the API's messages for its field (`path`). The control's id is `${idPrefix}-${path}`. */
export const LabeledField = (props: { idPrefix: string; path: string; label: string; problem: PageProblem | undefined; children: unknown }) => (
  <label for={`${props.idPrefix}-${props.path}`}>
    {props.label}
    {props.children}
    <FieldErrors problem={props.problem} path={props.path} />
  </label>
);

/** A refusal's title and detail at the top of a form, announced to screen readers. */
export const ProblemAlert = ({ problem }: { problem: PageProblem | undefined }) =>
  problem === undefined ? null : (
    <p class="field-error" role="alert">
      {problem.title}
      {problem.detail === '' ? '' : `：${problem.detail}`}
    </p>
  );
