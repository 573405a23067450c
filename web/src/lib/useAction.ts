// A mutation with its problem kept for the form that ran it: field problems go to their field,
// the rest to the form's banner (or a toast when no form is open).
import { useCallback, useState } from 'react';
import { type AnyVariables, type DocumentInput, type OperationContext, useMutation } from 'urql';
import { toast } from '../components/ui/Toast';
import { type Problem, describeError } from './errors';

export function useAction<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  opts: { toastErrors?: boolean; context?: Partial<OperationContext> } = {},
) {
  const [{ fetching }, execute] = useMutation<Data, Variables>(document);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { toastErrors = false, context } = opts;

  const run = useCallback(
    async (variables: Variables): Promise<Data | null> => {
      setProblem(null);
      const result = await execute(variables, context);
      if (result.error) {
        const p = describeError(result.error);
        setProblem(p);
        if (toastErrors) toast.error(p.title, p.message);
        return null;
      }
      return result.data ?? null;
    },
    [execute, toastErrors, context],
  );

  return { run, fetching, problem, setProblem };
}
