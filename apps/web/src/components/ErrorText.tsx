import { describeError } from "../lib/trpc";

/**
 * What went wrong, in French; for an internal error only, the reference to
 * give support. A business refusal (wrong step, outside the scope…) has none.
 */
export function ErrorText({ error }: { error: unknown }) {
  const { message, supportReference } = describeError(error);
  return (
    <>
      {message}
      {supportReference && <> (référence à transmettre au support : {supportReference})</>}
    </>
  );
}
