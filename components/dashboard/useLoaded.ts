import { useCallback, useEffect, useState } from 'react';

/**
 * Runs `load` now and again on `reload()`; keeps the last good value while a reload runs, and the error
 * message when it fails. A result that arrives after unmount or after a newer reload is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>): { value?: T; error?: string; reload: () => void } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => live && (setValue(v), setError(undefined)),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
    // `load` is a module-level function; reloading is what `tick` is for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value, error, reload };
}
